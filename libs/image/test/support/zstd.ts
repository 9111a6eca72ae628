import { execFileSync, spawnSync } from 'node:child_process';

let checked = false;

/** Compresses with the `zstd` CLI (real encoder output); fails clearly when the tool is not installed. */
export function zstd(data: Buffer, args: string[] = []): Buffer {
  if (!checked) {
    const probe = spawnSync('zstd', ['--version']);
    if (probe.error || probe.status !== 0) throw new Error('the zstd CLI is required for these tests (Debian package "zstd")');
    checked = true;
  }
  return execFileSync('zstd', ['-q', '-c', ...args], { input: data, maxBuffer: 1024 * 1024 * 1024 });
}
