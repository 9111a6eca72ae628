import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

// The nearest package.json above this file is the workspace's, both in src/ (tests) and in dist/ (images copy it).
function packageVersion(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (existsSync(file)) {
      const version = (JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown }).version;
      if (typeof version === 'string' && version !== '') return version;
    }
    if (path.dirname(dir) === dir) throw new Error(`no package.json with a version above ${__dirname}`);
  }
}

/** The scanner's version, carried by every scan it publishes. */
export const SCANNER_VERSION = packageVersion();
