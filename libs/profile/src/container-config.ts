import { type ImageConfigJson } from '@dhi/image';
import { type ProfileConfig } from './build-profile.js';

const sorted = (values: Iterable<string>): string[] => [...new Set(values)].sort();

function stringList(value: unknown): string[] | null {
  return Array.isArray(value) && value.every((item) => typeof item === 'string') ? [...value] : null;
}

/** The runtime settings of an image config that a build's profile is compared on (environment names, never values). */
export function profileConfigOf(image: ImageConfigJson): ProfileConfig {
  const config = image.config ?? {};
  const healthcheck = (config as { Healthcheck?: unknown }).Healthcheck;
  return {
    user: config.User ? config.User : null,
    entrypoint: config.Entrypoint ? [...config.Entrypoint] : null,
    cmd: config.Cmd ? [...config.Cmd] : null,
    exposedPorts: sorted(Object.keys(config.ExposedPorts ?? {})),
    envKeys: sorted((config.Env ?? []).map((entry) => entry.split('=', 1)[0]).filter(Boolean)),
    workdir: config.WorkingDir ? config.WorkingDir : null,
    healthcheck: typeof healthcheck === 'object' && healthcheck !== null ? stringList((healthcheck as { Test?: unknown }).Test) : null,
  };
}
