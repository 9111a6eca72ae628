import { type IncomingMessage } from 'node:http';
import { PassThrough, type Readable } from 'node:stream';
import { MultipartImageUpload } from './multipart-upload.js';

const BOUNDARY = 'test-boundary';

type Part = { name: string; value: string } | { name: string; file: Buffer };

function body(parts: Part[]): Buffer {
  const chunks = parts.map((part) =>
    'file' in part
      ? Buffer.concat([
          Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${part.name}"; filename="x.tar"\r\nContent-Type: application/x-tar\r\n\r\n`),
          part.file,
          Buffer.from('\r\n'),
        ])
      : Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${part.name}"\r\n\r\n${part.value}\r\n`),
  );
  return Buffer.concat([...chunks, Buffer.from(`--${BOUNDARY}--\r\n`)]);
}

/** A request-like stream; `complete` turns true once its body was read, like IncomingMessage. */
function fakeRequest(data: Buffer, options: { cut?: boolean } = {}): IncomingMessage {
  const stream = new PassThrough() as PassThrough & { headers: Record<string, string>; complete: boolean };
  stream.headers = { 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, 'content-length': String(data.length) };
  stream.complete = false;
  stream.on('end', () => (stream.complete = true));
  if (options.cut) {
    stream.write(data.subarray(0, data.length - 40));
    setImmediate(() => stream.destroy());
  } else stream.end(data);
  return stream as unknown as IncomingMessage;
}

async function drain(image: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of image) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const limits = (bytes: number) => ({ image: bytes, context: bytes });

describe('MultipartImageUpload', () => {
  const image = Buffer.alloc(3000, 7);

  it('hands over the fields sent before the image, the image bytes, and every field at the end', async () => {
    const upload = new MultipartImageUpload(fakeRequest(body([{ name: 'name', value: 'dhi/node' }, { name: 'image', file: image }, { name: 'tag', value: '1' }])), limits(10_000));
    let early: Record<string, string> = {};
    const result = await upload.read(async (fields, stream) => {
      early = fields;
      return drain(stream);
    });
    expect(early).toEqual({ name: 'dhi/node' });
    expect(result.fields).toEqual({ name: 'dhi/node', tag: '1' });
    expect(result.received.equals(image)).toBe(true);
    expect(result.image).toMatchObject({ part: 'image', bytes: image.length });
  });

  it('hands over a build context part with its own limit', async () => {
    const parts: Part[] = [{ name: 'dockerfile', value: 'build/Dockerfile' }, { name: 'context', file: image }];
    let seen = '';
    const result = await new MultipartImageUpload(fakeRequest(body(parts)), { image: 10, context: 10_000 }).read(async (_f, stream, part) => {
      seen = part;
      return drain(stream);
    });
    expect(seen).toBe('context');
    expect(result.image).toMatchObject({ part: 'context', bytes: image.length });
    const tooSmall = new MultipartImageUpload(fakeRequest(body(parts)), { image: 10_000, context: 1000 });
    await expect(tooSmall.read((_f, stream) => drain(stream))).rejects.toMatchObject({ status: 413, detail: expect.stringContaining('build context') });
  });

  it('fails the image stream with a 413 once it passes the limit', async () => {
    const upload = new MultipartImageUpload(fakeRequest(body([{ name: 'image', file: image }])), limits(1000));
    await expect(upload.read((_fields, stream) => drain(stream))).rejects.toMatchObject({ status: 413, code: 'upload_too_large' });
  });

  it('refuses a form without a file, an unknown file part, and a second file', async () => {
    const read = (parts: Part[]) => new MultipartImageUpload(fakeRequest(body(parts)), limits(10_000)).read((_f, stream) => drain(stream));
    await expect(read([{ name: 'name', value: 'x' }])).rejects.toMatchObject({ status: 400, code: 'missing_image' });
    await expect(read([{ name: 'other', file: image }])).rejects.toMatchObject({ status: 400, code: 'malformed_multipart' });
    await expect(read([{ name: 'context', file: image }, { name: 'image', file: image }])).rejects.toMatchObject({ status: 400, code: 'malformed_multipart' });
    await expect(read([{ name: 'image', file: image }, { name: 'image', file: image }])).rejects.toMatchObject({ status: 400, code: 'malformed_multipart' });
  });

  it('stops without reading the image when the receiver refuses the early fields', async () => {
    const upload = new MultipartImageUpload(fakeRequest(body([{ name: 'name', value: 'BAD' }, { name: 'image', file: image }])), limits(10_000));
    await expect(upload.read(() => Promise.reject(new Error('bad fields')))).rejects.toThrow('bad fields');
  });

  it('reports a body cut short as malformed', async () => {
    const upload = new MultipartImageUpload(fakeRequest(body([{ name: 'image', file: image }]), { cut: true }), limits(10_000));
    await expect(upload.read((_f, stream) => drain(stream))).rejects.toMatchObject({ status: 400, code: 'malformed_multipart' });
  });

  it('refuses a request without a multipart boundary', async () => {
    const request = fakeRequest(Buffer.alloc(0));
    request.headers['content-type'] = 'multipart/form-data';
    await expect(new MultipartImageUpload(request, limits(10)).read((_f, s) => drain(s))).rejects.toMatchObject({ status: 400, code: 'malformed_multipart' });
  });
});
