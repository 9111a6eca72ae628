import { type Readable } from 'node:stream';
import { type ContextLimits } from '../config.js';
import { ContextError } from './context-error.js';
import { type ContextEntryType } from './context-rules.js';
import { readContextArchive, type ContextSummary } from './read-context-archive.js';

/** A build context that passed every rule, with the text of its Dockerfile. */
export interface CheckedContext extends ContextSummary {
  dockerfile: string;
  /** Whether the context has the ignore file the builder applies (`.dockerignore`, or `<Dockerfile>.dockerignore`). */
  dockerignore: boolean;
}

async function readBounded(body: AsyncIterable<Buffer>, maxBytes: number, path: string): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > maxBytes) throw new ContextError('limit_exceeded', `the Dockerfile ${path} is larger than ${maxBytes} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Reads an uploaded context once and checks it the way the builder will extract it (same rules, same limits), keeping
 * the Dockerfile's text. The last entry of a path wins, as it would on extraction.
 */
export async function checkContext(input: Readable | AsyncIterable<Buffer>, limits: ContextLimits, dockerfilePath: string): Promise<CheckedContext> {
  let dockerfile: string | null = null;
  let dockerfileType: ContextEntryType | null = null;
  let dockerignore = false;
  const ignoreFiles = new Set(['.dockerignore', `${dockerfilePath}.dockerignore`]);
  const summary = await readContextArchive(input, limits, async (entry, body) => {
    if (ignoreFiles.has(entry.path)) dockerignore = entry.type === 'file';
    if (entry.path !== dockerfilePath) return;
    dockerfileType = entry.type;
    dockerfile = entry.type === 'file' ? await readBounded(body, limits.maxDockerfileBytes, dockerfilePath) : null;
  });
  if (dockerfile === null) {
    const found = dockerfileType === null ? 'has no file' : `has a ${dockerfileType} at`;
    throw new ContextError('missing_dockerfile', `the build context ${found} "${dockerfilePath}": the Dockerfile must be a regular file in the context (field "dockerfile", default "Dockerfile")`);
  }
  const text: string = dockerfile;
  if (text.trim() === '') throw new ContextError('missing_dockerfile', `the Dockerfile "${dockerfilePath}" is empty`);
  return { ...summary, dockerfile: text, dockerignore };
}
