import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { isRegistryError } from '../../src/index.js';
import { RegistryTransport } from '../../src/registry/registry-transport.js';

let registry: Server;
let storage: Server;
let registryUrl: string;
let storageUrl: string;
const seen: { path: string; headers: IncomingHttpHeaders }[] = [];
let flaky = 0;

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function text(response: { body(): AsyncIterable<Buffer> }): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of response.body()) chunks.push(chunk);
  return Buffer.concat(chunks).toString();
}

beforeAll(async () => {
  storage = createServer((req, res) => {
    seen.push({ path: `storage${req.url}`, headers: req.headers });
    res.end('blob-bytes');
  });
  storageUrl = await listen(storage);
  registry = createServer((req, res) => {
    seen.push({ path: req.url ?? '', headers: req.headers });
    const redirect = (location: string) => res.writeHead(307, { location }).end();
    if (req.url === '/blob') return redirect(`${storageUrl}/data?signature=1`);
    if (req.url === '/same') return redirect('/final');
    if (req.url === '/final') return void res.end('same-origin');
    if (req.url === '/ftp') return redirect('ftp://files.test/blob');
    if (req.url === '/loop') return redirect('/loop');
    if (req.url === '/flaky') return void (flaky++ === 0 ? res.writeHead(503).end() : res.end('recovered'));
    if (req.url === '/stall') {
      res.writeHead(200, { 'content-length': '100' });
      res.write('partial');
      return;
    }
    res.writeHead(404).end();
  });
  registryUrl = await listen(registry);
});

afterAll(async () => {
  registry.closeAllConnections();
  await new Promise((resolve) => registry.close(resolve));
  await new Promise((resolve) => storage.close(resolve));
});

describe('RegistryTransport', () => {
  const transport = new RegistryTransport({ retries: 1, idleTimeoutMs: 300 });
  const auth = { authorization: 'Basic c2VjcmV0' };

  it('follows a blob redirect to storage without sending the registry credentials there', async () => {
    const response = await transport.get(new URL(`${registryUrl}/blob`), auth);
    expect(await text(response)).toBe('blob-bytes');
    expect(seen.find((s) => s.path === '/blob')?.headers.authorization).toBe(auth.authorization);
    expect(seen.find((s) => s.path.startsWith('storage/data'))?.headers.authorization).toBeUndefined();
  });

  it('keeps the credentials on a redirect within the registry', async () => {
    expect(await text(await transport.get(new URL(`${registryUrl}/same`), auth))).toBe('same-origin');
    expect(seen.find((s) => s.path === '/final')?.headers.authorization).toBe(auth.authorization);
  });

  it('refuses redirects to other schemes and endless redirects', async () => {
    const ftp = await transport.get(new URL(`${registryUrl}/ftp`), {}).catch((e: unknown) => e);
    expect(isRegistryError(ftp, 'registry_error')).toBe(true);
    expect((ftp as Error).message).toContain('redirected to a ftp: URL');
    const loop = await transport.get(new URL(`${registryUrl}/loop`), {}).catch((e: unknown) => e);
    expect((loop as Error).message).toContain('redirected more than 5 times');
  });

  it('retries a 503 and gives up on a stalled download after the idle timeout', async () => {
    expect(await text(await transport.get(new URL(`${registryUrl}/flaky`), {}))).toBe('recovered');
    const stalled = await transport.get(new URL(`${registryUrl}/stall`), {});
    const error = await text(stalled).catch((e: unknown) => e);
    expect(isRegistryError(error, 'registry_unreachable')).toBe(true);
    expect((error as Error).message).toContain('sent nothing for 300 ms');
  });

  it('speaks plain http only to loopback and listed registries', () => {
    const listed = new RegistryTransport({ insecure: ['Reg.Internal:5000'] });
    expect(listed.origin('127.0.0.1:5000')).toBe('http://127.0.0.1:5000');
    expect(listed.origin('localhost')).toBe('http://localhost');
    expect(listed.origin('reg.internal:5000')).toBe('http://reg.internal:5000');
    expect(listed.origin('reg.internal')).toBe('https://reg.internal');
  });
});
