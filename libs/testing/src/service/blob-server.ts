import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { FileBlobStore, type ImportedImage, importImageArchive, isDigest } from '@dhi/image';
import { buildImageArchive, type FixtureImageSpec } from '../build-image-archive.js';

/** How the server answers under a base URL: honestly, with one flipped byte, with 503s first, or with 404. */
export type BlobMode = 'good' | 'corrupt' | 'flaky' | 'missing';

/** A stand-in for the build service's blob API (`GET <baseUrl>/<digest>`), serving a real FileBlobStore. */
export interface BlobServer {
  baseUrl(mode: BlobMode): string;
  /** Imports an image archive built from the spec into the store. */
  importImage(spec: FixtureImageSpec): Promise<ImportedImage>;
  /** The next `count` requests under the `flaky` base URL answer 503. */
  failNext(count: number): void;
  requests: string[];
  close(): Promise<void>;
}

/** Starts the blob server on a free local port, with its store in a fresh temporary directory. */
export async function startBlobServer(): Promise<BlobServer> {
  const root = mkdtempSync(join(tmpdir(), 'dhi-blobs-'));
  const store = new FileBlobStore(root);
  const requests: string[] = [];
  let failures = 0;
  // Raw file bytes, not store.open(): a corrupt blob must reach the reader, which has to notice it itself.
  const server: Server = createServer((req, res) => {
    const [, mode, digest] = decodeURIComponent(req.url ?? '').split('/');
    requests.push(`${mode} ${digest}`);
    if (mode === 'missing') return void res.writeHead(404).end();
    if (mode === 'flaky' && failures > 0) {
      failures -= 1;
      return void res.writeHead(503).end();
    }
    if (!isDigest(digest)) return void res.writeHead(400).end();
    let body: Buffer;
    try {
      body = readFileSync(store.pathOf(digest));
    } catch {
      return void res.writeHead(404).end();
    }
    if (mode === 'corrupt') body[body.length - 1] ^= 0xff;
    res.writeHead(200, { 'content-length': body.length }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: (mode) => `http://127.0.0.1:${port}/${mode}`,
    importImage: async (spec) => importImageArchive(Readable.from([await buildImageArchive(spec, 'oci-archive')]), store),
    failNext: (count) => {
      failures = count;
    },
    requests,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      rmSync(root, { recursive: true, force: true });
    },
  };
}
