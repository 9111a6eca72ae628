import { tryParseJson } from '../image-json.js';
import { parseAuthChallenges, type AuthChallenge } from './auth-challenge.js';
import { type RegistryCredential } from './registry-credentials.js';
import { RegistryError } from './registry-error.js';
import { type RegistryResponse, type RegistryTransport } from './registry-transport.js';

const MAX_TOKEN_RESPONSE_BYTES = 1024 * 1024;
const DEFAULT_TOKEN_SECONDS = 60;

interface CachedToken {
  value: string;
  expiresAt: number;
}

/**
 * Answers a registry's 401 challenges: HTTP basic with the configured credentials, or the bearer-token flow (a token
 * from the challenge's realm, fetched with those credentials when there are any, anonymously otherwise).
 */
export class RegistryAuthenticator {
  private basic = false;
  private readonly tokens = new Map<string, CachedToken>();

  constructor(
    private readonly registry: string,
    private readonly credential: RegistryCredential | undefined,
    private readonly transport: RegistryTransport,
  ) {}

  /** The Authorization header for a scope, once a challenge has been answered. */
  authorization(scope: string): string | undefined {
    if (this.basic && this.credential) return this.credential.basicAuthorization();
    const token = this.tokens.get(scope);
    if (token && token.expiresAt > Date.now()) return `Bearer ${token.value}`;
    return undefined;
  }

  /** Gets what the challenge of a 401 asks for; throws `registry_unauthorized` when it cannot be met. */
  async answer(response: RegistryResponse, scope: string, signal?: AbortSignal): Promise<void> {
    const challenges = parseAuthChallenges(response.headers.get('www-authenticate'));
    await response.discard();
    const bearer = challenges.find((c) => c.scheme === 'bearer');
    if (bearer) return this.fetchToken(bearer, scope, signal);
    if (challenges.some((c) => c.scheme === 'basic')) {
      if (!this.credential) throw this.missingCredentials();
      this.basic = true;
      return;
    }
    const schemes = challenges.map((c) => c.scheme).join(', ') || 'none';
    throw new RegistryError('registry_unauthorized', `the registry at ${this.registry} asks for an unsupported authentication scheme (${schemes})`);
  }

  /** The error for a request still refused after its challenge was answered. */
  refused(): RegistryError {
    if (!this.credential) return this.missingCredentials();
    return new RegistryError('registry_unauthorized', `the registry at ${this.registry} refused the configured credentials (user "${this.credential.username}")`);
  }

  private missingCredentials(): RegistryError {
    return new RegistryError('registry_unauthorized', `the registry at ${this.registry} requires credentials, and none are configured for it`);
  }

  private async fetchToken(challenge: AuthChallenge, scope: string, signal?: AbortSignal): Promise<void> {
    const realm = this.realmUrl(challenge.params.realm);
    if (challenge.params.service) realm.searchParams.set('service', challenge.params.service);
    realm.searchParams.set('scope', challenge.params.scope || scope);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.credential) headers.authorization = this.credential.basicAuthorization();
    const response = await this.transport.get(realm, headers, signal);
    if (response.status === 401 || response.status === 403) {
      await response.discard();
      if (!this.credential) throw this.missingCredentials();
      throw new RegistryError('registry_unauthorized', `the token service of ${this.registry} refused the configured credentials (user "${this.credential.username}")`);
    }
    const body = response.status === 200 ? await response.readAll(MAX_TOKEN_RESPONSE_BYTES) : (await response.discard(), null);
    const parsed = body === null ? null : (tryParseJson(body) as { token?: unknown; access_token?: unknown; expires_in?: unknown } | null);
    const value = typeof parsed?.token === 'string' ? parsed.token : typeof parsed?.access_token === 'string' ? parsed.access_token : null;
    if (!value) {
      throw new RegistryError('registry_unauthorized', `the token service of ${this.registry} answered HTTP ${response.status} without a token`, response.status >= 500);
    }
    const seconds = typeof parsed?.expires_in === 'number' && parsed.expires_in > 0 ? parsed.expires_in : DEFAULT_TOKEN_SECONDS;
    this.tokens.set(scope, { value, expiresAt: Date.now() + seconds * 1000 });
  }

  private realmUrl(realm: string | undefined): URL {
    let url: URL;
    try {
      url = new URL(realm ?? '');
    } catch {
      throw new RegistryError('registry_unauthorized', `the registry at ${this.registry} sent a bearer challenge without a valid realm URL`);
    }
    const plainAllowed = url.protocol === 'http:' && this.transport.allowsPlainHttp(url.host);
    if (url.protocol !== 'https:' && !plainAllowed) {
      throw new RegistryError('registry_unauthorized', `the token service of ${this.registry} (${url.origin}) is not https; credentials are not sent there`);
    }
    return url;
  }
}
