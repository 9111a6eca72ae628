import { type IncomingMessage } from 'node:http';
import { type Readable, Transform, type TransformCallback } from 'node:stream';
import { AppError } from '@dhi/service-kit';
import busboy from 'busboy';

export type UploadFields = Record<string, string>;

/** The file parts a build submission may carry: an image archive, or a build context (exactly one of them). */
export type UploadPart = 'image' | 'context';

/** What was received of the file part. */
export interface ReceivedImage {
  part: UploadPart;
  bytes: number;
  receivedAt: Date;
}

/** An upload of one file (an image archive or a build context) with text fields, read once, as a stream. */
export interface ImageUpload {
  /**
   * Reads the body; `receive` gets the fields sent before the file part, which part it is, and its bytes as they
   * arrive, and must consume them. Resolves with every field once the whole body was read and `receive` finished.
   */
  read<T>(receive: (earlyFields: UploadFields, file: Readable, part: UploadPart) => Promise<T>): Promise<{ fields: UploadFields; received: T; image: ReceivedImage }>;
}

/** The largest accepted size of each file part. */
export type PartLimits = Record<UploadPart, number>;

const PART_NAMES: Record<UploadPart, string> = { image: 'image archive', context: 'build context' };

// fields are a few short strings (buildArgs a small JSON object); anything beyond these is not a build submission
const FORM_LIMITS = { fieldNameSize: 100, fieldSize: 64 * 1024, fields: 16, files: 4, parts: 24, headerPairs: 32 };

const tooLarge = (part: UploadPart, max: number): AppError =>
  new AppError('upload_too_large', 413, 'Upload too large', `the ${PART_NAMES[part]} is larger than the limit of ${max} bytes`);
const malformed = (detail: string): AppError => new AppError('malformed_multipart', 400, 'Malformed multipart body', detail);

/** Passes the file bytes on, counting them, and fails the stream once they exceed the part's limit. */
class UploadCounter extends Transform {
  bytes = 0;
  receivedAt: Date | null = null;

  constructor(
    readonly part: UploadPart,
    private readonly maxBytes: number,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.maxBytes) return done(tooLarge(this.part, this.maxBytes));
    done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    this.receivedAt = new Date();
    done();
  }
}

/** The multipart/form-data body of a request, parsed with busboy as it streams in (nothing buffered or copied). */
export class MultipartImageUpload implements ImageUpload {
  constructor(
    private readonly request: IncomingMessage,
    private readonly limits: PartLimits,
  ) {}

  read<T>(receive: (earlyFields: UploadFields, file: Readable, part: UploadPart) => Promise<T>): Promise<{ fields: UploadFields; received: T; image: ReceivedImage }> {
    const request = this.request;
    return new Promise((resolve, reject) => {
      const fields: UploadFields = {};
      let counter: UploadCounter | null = null;
      let receiving: Promise<T> | null = null;
      let parsed = false;
      let settled = false;

      let parser: busboy.Busboy;
      try {
        parser = busboy({ headers: request.headers, limits: FORM_LIMITS });
      } catch (error) {
        reject(malformed(error instanceof Error ? error.message : 'the multipart body cannot be parsed'));
        return;
      }

      const fail = (error: unknown): void => {
        if (settled) return;
        settled = true;
        request.unpipe(parser);
        // the rest of the body is discarded; the caller decides whether the connection stays open
        request.resume();
        counter?.destroy();
        reject(error);
      };
      const finish = (): void => {
        if (settled || !parsed || !receiving || !counter) return;
        const image = counter;
        receiving.then((received) => {
          if (settled) return;
          settled = true;
          resolve({ fields, received, image: { part: image.part, bytes: image.bytes, receivedAt: image.receivedAt ?? new Date() } });
        }, fail);
      };

      parser.on('field', (name, value, info) => {
        if (info.nameTruncated || info.valueTruncated) fail(malformed(`the form field "${name.slice(0, 100)}" is too long`));
        else fields[name] = value;
      });
      parser.on('file', (name, stream) => {
        if ((name !== 'image' && name !== 'context') || counter) {
          return void (stream.resume(), fail(malformed(`unexpected file part "${name.slice(0, 100)}": send exactly one part, "image" (an image archive) or "context" (a build context)`)));
        }
        const image = new UploadCounter(name, this.limits[name]);
        counter = image;
        stream.on('error', (error: Error) => image.destroy(malformed(`the upload ended early: ${error.message}`)));
        stream.pipe(image);
        receiving = receive({ ...fields }, image, name);
        receiving.catch(fail);
      });
      parser.on('partsLimit', () => fail(malformed('too many parts in the form')));
      parser.on('filesLimit', () => fail(malformed('too many file parts in the form')));
      parser.on('fieldsLimit', () => fail(malformed('too many fields in the form')));
      parser.on('error', (error: unknown) => fail(malformed(error instanceof Error ? error.message : 'the multipart body cannot be parsed')));
      parser.on('close', () => {
        parsed = true;
        if (!receiving) {
          fail(new AppError('missing_image', 400, 'Missing image', 'the form has no file part "image" (a docker save or OCI archive) nor "context" (a build context tar)'));
        } else finish();
      });
      request.on('close', () => {
        if (!request.complete) fail(malformed('the client closed the connection before the upload was complete'));
      });
      request.pipe(parser);
    });
  }
}
