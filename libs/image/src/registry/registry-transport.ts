import { setTimeout as delay } from 'node:timers/promises';
import { RegistryError } from './registry-error.js';

export interface RegistryTransportOptions {
  /** `host[:port]` of registries served over plain http; loopback registries always are. */
  insecure?: readonly string[];
  /** Until the response headers arrive (default 30 s). */
  requestTimeoutMs?: number;
  /** Longest pause between two chunks of a body (default 60 s). */
  idleTimeoutMs?: number;
  /** Redirects followed per request (default 5); registries redirect blob downloads to their storage. */
  maxRedirects?: number;
  /** Extra attempts after a connection failure, 429 or 502-504 (default 2). */
  retries?: number;
}

/** A response whose body has not been read yet. */
export interface RegistryResponse {
  status: number;
  headers: Headers;
  url: URL;
  /** The body as it arrives; fails when the registry pauses longer than the idle timeout. */
  body(): AsyncIterable<Buffer>;
  /** Reads the whole body; `null` when it is larger than maxBytes (the rest is not read). */
  readAll(maxBytes: number): Promise<Buffer | null>;
  discard(): Promise<void>;
}

const RETRY_STATUSES = new Set([429, 502, 503, 504]);
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** True for `localhost`, `127.x.x.x` and `[::1]`, with or without a port. */
export function isLoopbackHost(hostPort: string): boolean {
  const host = hostPort.startsWith('[') ? hostPort.slice(0, hostPort.indexOf(']') + 1) : hostPort.split(':')[0];
  return host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

const describeNetworkError = (error: unknown): string => {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message ?? String(error);
};

/** HTTP for one pull: plain http only where allowed, timeouts, bounded redirects and retries of transient failures. */
export class RegistryTransport {
  private readonly insecure: ReadonlySet<string>;
  private readonly requestTimeoutMs: number;
  private readonly idleTimeoutMs: number;
  private readonly maxRedirects: number;
  private readonly retries: number;

  constructor(options: RegistryTransportOptions = {}) {
    this.insecure = new Set((options.insecure ?? []).map((host) => host.trim().toLowerCase()).filter(Boolean));
    this.requestTimeoutMs = options.requestTimeoutMs ?? 30_000;
    this.idleTimeoutMs = options.idleTimeoutMs ?? 60_000;
    this.maxRedirects = options.maxRedirects ?? 5;
    this.retries = options.retries ?? 2;
  }

  /** True when credentials may travel to this `host[:port]` over plain http. */
  allowsPlainHttp(hostPort: string): boolean {
    return isLoopbackHost(hostPort) || this.insecure.has(hostPort.toLowerCase());
  }

  /** `http(s)://host[:port]` of a registry. */
  origin(registry: string): string {
    return `${this.allowsPlainHttp(registry) ? 'http' : 'https'}://${registry}`;
  }

  /** GET with redirects; Authorization is only sent to the origin it was meant for. */
  async get(url: URL, headers: Record<string, string>, signal?: AbortSignal): Promise<RegistryResponse> {
    let current = url;
    let sendHeaders = headers;
    for (let hop = 0; ; hop += 1) {
      const response = await this.withRetries(current, sendHeaders, signal);
      const location = response.headers.get('location');
      if (!REDIRECT_STATUSES.has(response.status) || location === null) return response;
      await response.discard();
      if (hop >= this.maxRedirects) throw new RegistryError('registry_error', `the registry at ${url.host} redirected more than ${this.maxRedirects} times`);
      const next = new URL(location, current);
      if (next.protocol !== 'http:' && next.protocol !== 'https:') {
        throw new RegistryError('registry_error', `the registry at ${url.host} redirected to a ${next.protocol} URL, which is not followed`);
      }
      // storage behind a redirect gets no registry credentials
      if (next.origin !== url.origin) sendHeaders = Object.fromEntries(Object.entries(sendHeaders).filter(([name]) => name !== 'authorization'));
      current = next;
    }
  }

  private async withRetries(url: URL, headers: Record<string, string>, signal?: AbortSignal): Promise<RegistryResponse> {
    for (let attempt = 0; ; attempt += 1) {
      const last = attempt >= this.retries;
      try {
        const response = await this.once(url, headers, signal);
        if (!RETRY_STATUSES.has(response.status) || last) return response;
        await response.discard();
      } catch (error) {
        if (last || !(error instanceof RegistryError) || !error.transient) throw error;
      }
      await delay(250 * 4 ** attempt, undefined, { signal });
    }
  }

  private async once(url: URL, headers: Record<string, string>, signal?: AbortSignal): Promise<RegistryResponse> {
    signal?.throwIfAborted();
    const controller = new AbortController();
    const onAbort = (): void => controller.abort(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.requestTimeoutMs);
    const release = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    };
    let response: Response;
    try {
      response = await fetch(url, { headers, redirect: 'manual', signal: controller.signal });
    } catch (error) {
      release();
      if (signal?.aborted) throw signal.reason;
      const why = timedOut ? `no answer within ${this.requestTimeoutMs} ms` : describeNetworkError(error);
      throw new RegistryError('registry_unreachable', `could not reach the registry at ${url.host}: ${why}`, true);
    }
    clearTimeout(timer);
    return this.wrap(url, response, controller, signal, release);
  }

  private wrap(url: URL, response: Response, controller: AbortController, signal: AbortSignal | undefined, release: () => void): RegistryResponse {
    const idleTimeoutMs = this.idleTimeoutMs;
    async function* body(): AsyncGenerator<Buffer> {
      if (!response.body) return release();
      const reader = response.body.getReader();
      let idle = false;
      try {
        for (;;) {
          const timer = setTimeout(() => {
            idle = true;
            controller.abort();
          }, idleTimeoutMs);
          let next: ReadableStreamReadResult<Uint8Array>;
          try {
            next = await reader.read();
          } catch (error) {
            if (signal?.aborted) throw signal.reason;
            const why = idle ? `it sent nothing for ${idleTimeoutMs} ms` : describeNetworkError(error);
            throw new RegistryError('registry_unreachable', `the download from ${url.host} broke off: ${why}`, true);
          } finally {
            clearTimeout(timer);
          }
          if (next.done) return;
          yield Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength);
        }
      } finally {
        await reader.cancel().catch(() => undefined);
        release();
      }
    }
    return {
      status: response.status,
      headers: response.headers,
      url,
      body,
      async readAll(maxBytes: number): Promise<Buffer | null> {
        const chunks: Buffer[] = [];
        let length = 0;
        for await (const chunk of body()) {
          length += chunk.length;
          if (length > maxBytes) return null;
          chunks.push(chunk);
        }
        return Buffer.concat(chunks);
      },
      async discard(): Promise<void> {
        await response.body?.cancel().catch(() => undefined);
        release();
      },
    };
  }
}
