// Compiles libs and services to dist/ with swc; @dhi/* imports are rewritten to relative paths.
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const base = JSON.parse(readFileSync(path.join(root, 'tsconfig.base.json'), 'utf8'));
const swcrc = JSON.parse(readFileSync(path.join(root, '.swcrc'), 'utf8'));
swcrc.jsc.baseUrl = root;
swcrc.jsc.paths = base.compilerOptions.paths;
swcrc.exclude = ['\\.spec\\.ts$', '\\.int-spec\\.ts$', '\\.e2e-spec\\.ts$'];
const config = path.join(root, 'dist', '.swcrc.build.json');

rmSync(path.join(root, 'dist'), { recursive: true, force: true });
spawnSync('mkdir', ['-p', path.join(root, 'dist')]);
writeFileSync(config, JSON.stringify(swcrc));
const result = spawnSync(
  path.join(root, 'node_modules/.bin/swc'),
  ['libs', 'services', '-d', 'dist', '--config-file', config, '--copy-files', '--ignore', '**/*.spec.ts,**/*.int-spec.ts,**/*.e2e-spec.ts,**/jest.config.cjs,**/test/**', '--quiet'],
  { cwd: root, stdio: 'inherit' },
);
process.exit(result.status ?? 1);
