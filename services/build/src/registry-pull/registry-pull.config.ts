import { readFileSync } from 'node:fs';
import { parseDockerConfigCredentials, parseRegistryCredentialsJson, type RegistryCredential, type RegistryCredentials } from '@dhi/image';
import { envVar } from '@dhi/service-kit';
import { z } from 'zod';

const HOST_PORT = /^(?:[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?|\[[0-9a-f:.]+\])(?::\d{1,5})?$/;

/**
 * A variable holding secrets: unlike envVar, an invalid value is never quoted in the error (it would end up in the
 * start-up log); the message names the problem only.
 */
function secretVar<T>(parse: (raw: string) => T, fallback: T) {
  return z
    .string()
    .optional()
    .transform((raw, ctx): T => {
      if (raw === undefined || raw.trim() === '') return fallback;
      try {
        return parse(raw);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    });
}

function readAuthFile(path: string): Map<string, RegistryCredential> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`cannot read the docker config file ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return parseDockerConfigCredentials(text, `the docker config file ${path}`);
}

const hostList = (raw: string): string[] | undefined => {
  const hosts = raw.split(',').map((h) => h.trim().toLowerCase()).filter(Boolean);
  return hosts.every((h) => HOST_PORT.test(h)) ? hosts : undefined;
};

/** The environment variables of registry pulls; the lead spreads this into buildConfigShape. */
export const registryPullConfigShape = {
  /** JSON `{"host[:port]": {"username": "…", "password": "…"}}`; never logged, never quoted in errors. */
  REGISTRY_CREDENTIALS: secretVar((raw) => parseRegistryCredentialsJson(raw, 'a JSON object of "host[:port]": {"username", "password"}'), new Map()),
  /** Path of a docker `config.json` whose `auths` are used too (REGISTRY_CREDENTIALS wins for the same host). */
  REGISTRY_AUTH_FILE: secretVar(readAuthFile, new Map()),
  /** `host[:port]` list of registries reached over plain http (loopback registries always are). */
  REGISTRY_INSECURE: envVar('a comma-separated list of host[:port]', hostList, ''),
  /** Longest wait for a registry's answer, and longest pause inside a download. */
  REGISTRY_TIMEOUT_SECONDS: envVar('an integer 1-3600 (seconds)', (raw) => (/^\d{1,4}$/.test(raw) && +raw >= 1 && +raw <= 3600 ? +raw : undefined), '60'),
};

export type RegistryPullConfig = z.infer<z.ZodObject<typeof registryPullConfigShape>>;

/** What the registry pull executor needs, from the loaded config. */
export interface RegistryPullSettings {
  credentials: RegistryCredentials;
  insecure: string[];
  timeoutMs: number;
}

/** DI token of RegistryPullSettings. */
export const REGISTRY_PULL_SETTINGS = Symbol.for('dhi.build.registry-pull.settings');

/** The settings; variables missing from `config` (a shape without them) take their defaults. */
export function registryPullSettings(config: Partial<RegistryPullConfig>): RegistryPullSettings {
  return {
    credentials: new Map([...(config.REGISTRY_AUTH_FILE ?? []), ...(config.REGISTRY_CREDENTIALS ?? [])]),
    insecure: config.REGISTRY_INSECURE ?? [],
    timeoutMs: (config.REGISTRY_TIMEOUT_SECONDS ?? 60) * 1000,
  };
}
