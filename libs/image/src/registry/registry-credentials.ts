import { inspect } from 'node:util';
import { z } from 'zod';

/** A username and password for one registry; it never prints its password (logs, JSON, util.inspect). */
export class RegistryCredential {
  readonly #password: string;

  constructor(
    readonly username: string,
    password: string,
  ) {
    this.#password = password;
  }

  get password(): string {
    return this.#password;
  }

  /** The `Authorization: Basic …` value. */
  basicAuthorization(): string {
    return `Basic ${Buffer.from(`${this.username}:${this.#password}`).toString('base64')}`;
  }

  toJSON(): { username: string; password: string } {
    return { username: this.username, password: '[redacted]' };
  }

  [inspect.custom](): string {
    return `RegistryCredential { username: ${JSON.stringify(this.username)}, password: [redacted] }`;
  }
}

/** Credentials by registry `host[:port]` (lower-case). */
export type RegistryCredentials = ReadonlyMap<string, RegistryCredential>;

const UserPassword = z.object({ username: z.string().min(1), password: z.string() });
const CredentialsJson = z.record(z.string(), UserPassword);
const DockerConfigJson = z.looseObject({
  auths: z.record(z.string(), z.looseObject({ auth: z.string().optional(), username: z.string().optional(), password: z.string().optional() })).optional(),
});

/** `https://host:5000/v1/` and `host:5000` both name the registry `host:5000`, the key credentials are looked up by. */
export function registryKey(name: string): string {
  const withoutScheme = name.trim().replace(/^[a-z]+:\/\//i, '');
  return withoutScheme.split('/')[0].toLowerCase();
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // the text holds passwords: the parser's message (which quotes it) is not repeated
    throw new Error(`${what} is not valid JSON`);
  }
}

/** Parses `{"host:port": {"username": "…", "password": "…"}, …}`; errors name the entry, never a secret. */
export function parseRegistryCredentialsJson(text: string, what = 'the registry credentials'): Map<string, RegistryCredential> {
  const parsed = CredentialsJson.safeParse(parseJson(text, what));
  if (!parsed.success) {
    const entry = parsed.error.issues[0]?.path[0];
    throw new Error(`${what} must map "host[:port]" to {"username", "password"} strings${entry === undefined ? '' : ` (see entry "${String(entry)}")`}`);
  }
  return new Map(Object.entries(parsed.data).map(([host, value]) => [registryKey(host), new RegistryCredential(value.username, value.password)]));
}

/** The `auths` of a docker `config.json` (`auth` is base64 of `user:password`); credential helpers are not run. */
export function parseDockerConfigCredentials(text: string, what = 'the docker config'): Map<string, RegistryCredential> {
  const parsed = DockerConfigJson.safeParse(parseJson(text, what));
  if (!parsed.success) throw new Error(`${what} has no valid "auths" object`);
  const credentials = new Map<string, RegistryCredential>();
  for (const [host, entry] of Object.entries(parsed.data.auths ?? {})) {
    if (entry.auth) {
      const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon <= 0) throw new Error(`${what}: the "auth" of "${host}" is not base64 of user:password`);
      credentials.set(registryKey(host), new RegistryCredential(decoded.slice(0, colon), decoded.slice(colon + 1)));
    } else if (entry.username && entry.password !== undefined) {
      credentials.set(registryKey(host), new RegistryCredential(entry.username, entry.password));
    }
  }
  return credentials;
}
