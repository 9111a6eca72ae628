import { createHash } from 'node:crypto';
import { type ImageConfigJson } from '@dhi/image';
import { type CheckHit, type FoundSecret } from '../../src/index.js';
import { type TarItem } from './layers.js';

export const DEBIAN_12 = { id: 'debian', versionId: '12' };

/** The account files of a small Debian-like image (root locked, system accounts with nologin). */
export function accountFiles(options: { passwd?: string; shadow?: string; group?: string } = {}): TarItem[] {
  return [
    { name: 'etc/', type: 'directory' },
    { name: 'etc/passwd', data: options.passwd ?? 'root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n' },
    { name: 'etc/group', data: options.group ?? 'root:x:0:\ndaemon:x:1:\nshadow:x:42:\n' },
    { name: 'etc/shadow', mode: 0o640, gid: 42, data: options.shadow ?? 'root:*:20000:0:99999:7:::\ndaemon:*:20000:0:99999:7:::\n' },
  ];
}

/** An image config with the given runtime config (the rest as buildah writes it). */
export function configOf(config: Record<string, unknown>, history: ImageConfigJson['history'] = []): ImageConfigJson {
  return { architecture: 'amd64', os: 'linux', config, rootfs: { type: 'layers', diff_ids: [] }, history };
}

const SECRET_FORMATS: readonly [string, RegExp][] = [
  ['secret.aws-access-key-id', /\b(AKIA|ASIA)[A-Z0-9]{16}\b/g],
  ['secret.github-pat', /\bghp_[A-Za-z0-9]{36}\b/g],
];

/**
 * A stand-in for the secret library's detector (injected into checkImageConfig): two real token formats, redacted to
 * their first four characters, fingerprinted by a hash of the value as the real one is.
 */
export function findSecrets(text: string): FoundSecret[] {
  return SECRET_FORMATS.flatMap(([ruleId, pattern]) =>
    [...text.matchAll(pattern)].map(([value]) => ({
      ruleId,
      redacted: `${value.slice(0, 4)}…`,
      fingerprint: `sha256:${createHash('sha256').update(value).digest('hex')}`,
    })),
  );
}

/** The hits of one rule. */
export const hitsOf = (hits: readonly CheckHit[], ruleId: string): CheckHit[] => hits.filter((hit) => hit.ruleId === ruleId);
