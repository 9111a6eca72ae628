import { execFile } from 'node:child_process';
import { createPrivateKey, randomUUID, sign, X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const base64url = (data: Buffer | string): string => Buffer.from(data).toString('base64url');

/** A registry token service (docker token auth): issues RS256 JWTs signed by a self-signed certificate. */
export interface TokenServer {
  realm: string;
  service: string;
  issuer: string;
  certPath: string;
  /** Every request it received: the scope asked for and whether it carried the right credentials. */
  requests: { scope: string | null; authorized: boolean }[];
  /** A token for the given scope (`repository:<name>:<actions>`), as a test's push would use. */
  issue(scope: string): string;
  stop(): Promise<void>;
}

function accessOf(scope: string | null): { type: string; name: string; actions: string[] }[] {
  if (!scope) return [];
  return scope.split(' ').map((item) => {
    const [type, name, actions] = [item.slice(0, item.indexOf(':')), item.slice(item.indexOf(':') + 1, item.lastIndexOf(':')), item.slice(item.lastIndexOf(':') + 1)];
    return { type, name, actions: actions.split(',') };
  });
}

/** Starts the token service on a free loopback port; only `user` gets tokens (anonymous and wrong credentials get 401). */
export async function startTokenServer(dir: string, user: { username: string; password: string }): Promise<TokenServer> {
  const keyPath = join(dir, 'token-key.pem');
  const certPath = join(dir, 'token-cert.pem');
  await run('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyPath, '-out', certPath, '-days', '1', '-subj', '/CN=dhi-test-token-issuer']);
  const key = createPrivateKey(await readFile(keyPath));
  const certDer = new X509Certificate(await readFile(certPath)).raw;
  const service = 'dhi-test-registry';
  const issuer = 'dhi-test-issuer';
  const expected = `Basic ${Buffer.from(`${user.username}:${user.password}`).toString('base64')}`;
  const requests: TokenServer['requests'] = [];

  const issue = (scope: string | null): string => {
    const now = Math.floor(Date.now() / 1000);
    const header = { typ: 'JWT', alg: 'RS256', x5c: [certDer.toString('base64')] };
    const claims = { iss: issuer, sub: user.username, aud: service, exp: now + 300, nbf: now - 10, iat: now, jti: randomUUID(), access: accessOf(scope) };
    const signingInput = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`;
    return `${signingInput}.${base64url(sign('sha256', Buffer.from(signingInput), key))}`;
  };

  const handle = (request: IncomingMessage, response: ServerResponse): void => {
    const url = new URL(request.url ?? '/', 'http://token');
    const scope = url.searchParams.get('scope');
    const authorized = request.headers.authorization === expected;
    requests.push({ scope, authorized });
    if (url.pathname !== '/token' || !authorized) {
      response.writeHead(401, { 'content-type': 'application/json' }).end('{"details":"invalid credentials"}');
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ token: issue(scope), expires_in: 300 }));
  };
  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    realm: `http://127.0.0.1:${port}/token`,
    service,
    issuer,
    certPath,
    requests,
    issue,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
