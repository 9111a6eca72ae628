import { createServer, type Server } from 'node:http';

/**
 * An HTTP proxy in front of the build service's blob API that holds every request until released: it lets a test
 * catch a service in the middle of reading an image, the way a slow blob store would.
 */
export class StallingProxy {
  private server: Server | null = null;
  private held: (() => void)[] = [];
  private stalling = true;
  readonly requests: string[] = [];

  constructor(private readonly target: string) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      this.requests.push(req.url ?? '');
      const forward = async () => {
        try {
          const upstream = await fetch(`${this.target}${req.url ?? ''}`);
          res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/octet-stream' });
          res.end(Buffer.from(await upstream.arrayBuffer()));
        } catch {
          res.destroy();
        }
      };
      if (this.stalling) this.held.push(() => void forward());
      else void forward();
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  }

  /** Serves the held requests and every later one. */
  release(): void {
    this.stalling = false;
    for (const go of this.held.splice(0)) go();
  }

  async stop(): Promise<void> {
    this.release();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}
