// Writes the JSON Schema of every event (libs/contracts/schemas/<topic>.json) for subscribers outside this codebase.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const built = spawnSync(process.execPath, [path.join(root, 'tools/build.mjs')], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);
const { exportJsonSchemas } = createRequire(import.meta.url)(path.join(root, 'dist/libs/contracts/src/index.js'));
const dir = path.join(root, 'libs/contracts/schemas');
mkdirSync(dir, { recursive: true });
for (const [topic, schema] of Object.entries(exportJsonSchemas())) {
  writeFileSync(path.join(dir, `${topic}.json`), `${JSON.stringify(schema, null, 2)}\n`);
}
process.stdout.write(`wrote ${dir}\n`);
