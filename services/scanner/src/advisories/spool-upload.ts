import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '@dhi/service-kit';
import busboy from 'busboy';

/** An uploaded file spooled to a private temp directory under its own (sanitised) name; `remove` deletes it. */
export interface SpooledUpload {
  path: string;
  name: string;
  bytes: number;
  remove(): Promise<void>;
}

const FORM_LIMITS = { fieldNameSize: 100, fieldSize: 1024, fields: 8, files: 1, parts: 10, headerPairs: 32 };

const malformed = (detail: string): AppError => new AppError('malformed_multipart', 400, 'Malformed multipart body', detail);
const tooLarge = (max: number): AppError => new AppError('upload_too_large', 413, 'Upload too large', `the advisory file is larger than the limit of ${max} bytes`);

// the name only labels records in errors and picks nothing else; path separators and odd characters go
function safeName(filename: string | undefined): string {
  const name = basename((filename ?? '').replace(/\\/g, '/')).replace(/[^A-Za-z0-9._+-]/g, '_').slice(0, 100);
  return name && name !== '.' && name !== '..' ? name : 'upload';
}

class SizeLimit extends Transform {
  bytes = 0;
  constructor(private readonly maxBytes: number) {
    super();
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.maxBytes) return done(tooLarge(this.maxBytes));
    done(null, chunk);
  }
}

/**
 * Writes the multipart part `file` of a request to a temp file (zips need random access), refusing more than
 * `maxBytes`. Everything written is deleted again on failure; on success the caller calls `remove`.
 */
export async function spoolUpload(request: IncomingMessage, maxBytes: number): Promise<SpooledUpload> {
  const dir = await mkdtemp(join(tmpdir(), 'dhi-advisories-'));
  const remove = () => rm(dir, { recursive: true, force: true });
  try {
    return await new Promise<SpooledUpload>((resolve, reject) => {
      let parser: busboy.Busboy;
      try {
        parser = busboy({ headers: request.headers, limits: FORM_LIMITS });
      } catch (error) {
        return reject(malformed(error instanceof Error ? error.message : 'the multipart body cannot be parsed'));
      }
      let writing: Promise<SpooledUpload> | null = null;
      const fail = (error: unknown): void => {
        request.unpipe(parser);
        request.resume();
        reject(error);
      };
      parser.on('file', (field, stream, info) => {
        if (field !== 'file' || writing) return void (stream.resume(), fail(malformed(`unexpected file part "${field.slice(0, 100)}": send one part named "file"`)));
        const name = safeName(info.filename);
        const path = join(dir, name);
        const limit = new SizeLimit(maxBytes);
        writing = pipeline(stream, limit, createWriteStream(path, { flags: 'wx', mode: 0o600 })).then(() => ({ path, name, bytes: limit.bytes, remove }));
        writing.catch(fail);
      });
      parser.on('error', (error: unknown) => fail(malformed(error instanceof Error ? error.message : 'the multipart body cannot be parsed')));
      parser.on('filesLimit', () => fail(malformed('send exactly one file part')));
      parser.on('partsLimit', () => fail(malformed('too many parts in the form')));
      parser.on('close', () => {
        if (!writing) fail(new AppError('missing_file', 400, 'Missing file', 'the form has no file part "file" (OSV JSON/YAML, a zip or tar of them, or a Debian DSA/DLA list)'));
        else writing.then(resolve, fail);
      });
      request.on('close', () => {
        if (!request.complete) fail(malformed('the client closed the connection before the upload was complete'));
      });
      request.pipe(parser);
    });
  } catch (error) {
    await remove();
    throw error;
  }
}
