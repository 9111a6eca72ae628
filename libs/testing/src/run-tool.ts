import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

export interface ToolRun {
  /** Exit code; -1 when the tool could not be started or was killed by a signal. */
  code: number;
  /** The tool is not installed. */
  missing: boolean;
  /** The last lines of its output, for error messages. */
  tail: string;
}

const TAIL_BYTES = 4000;

/** Runs a command-line tool to completion without a shell, keeping only the tail of its output. */
export function runTool(command: string, args: string[]): Promise<ToolRun> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let tail = '';
    const keep = (chunk: Buffer): void => {
      tail = (tail + chunk.toString('utf8')).slice(-TAIL_BYTES);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.once('error', (error: NodeJS.ErrnoException) => resolve({ code: -1, missing: error.code === 'ENOENT', tail: error.message }));
    child.once('close', (code) => resolve({ code: code ?? -1, missing: false, tail: tail.trim() }));
  });
}

/** `sha256:<hex>` and size of a file, read as a stream. */
export async function fileSha256(path: string): Promise<{ digest: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { digest: `sha256:${hash.digest('hex')}`, size };
}
