import { type ProfileConfig } from '@dhi/profile';
import { KIND_IMPORTANCE, type AnomalyKind } from '../anomaly-kind.js';
import { countMembers, ofTheBaseline, type Candidate, type CheckContext } from '../candidate.js';
import { surprisal } from '../scoring.js';
import { additionChecks } from './additions.js';

// Running as root after an approved non-root user is the change that matters most among the three settings.
const TO_ROOT_IMPORTANCE = 1.5;

type Setting = 'entrypoint' | 'cmd' | 'user';
const KINDS: Readonly<Record<Setting, AnomalyKind>> = { entrypoint: 'entrypoint_changed', cmd: 'cmd_changed', user: 'user_changed' };

function show(setting: Setting, value: ProfileConfig[Setting]): string {
  if (setting === 'user') return value === null || value === '' ? 'root (no USER set)' : String(value);
  return value === null ? 'none' : JSON.stringify(value);
}

function isRoot(user: string | null): boolean {
  return user === null || user === '' || /^(root|0)(:.*)?$/.test(user);
}

/**
 * Entrypoint, cmd or user different from the latest approved build, scored by how many approved builds used the new
 * value: switching back to what most approved builds used is not news.
 */
function settingCheck(ctx: CheckContext, setting: Setting): Candidate[] {
  const latest = ctx.members[0];
  const value = ctx.profile.config[setting];
  const same = (other: ProfileConfig[Setting]): boolean => JSON.stringify(other) === JSON.stringify(value);
  if (!latest || same(latest.config[setting])) return [];
  const n = ctx.members.length;
  const count = countMembers(ctx.members, (m) => same(m.config[setting]));
  const kind = KINDS[setting];
  const toRoot = setting === 'user' && isRoot(value as string | null);
  return [{
    kind,
    key: [setting],
    bits: surprisal(count, n),
    importance: toRoot ? TO_ROOT_IMPORTANCE : KIND_IMPORTANCE[kind],
    always: false,
    title: toRoot ? 'image now runs as root' : `${setting} changed`,
    explanation:
      `${setting} changed from ${show(setting, latest.config[setting])} to ${show(setting, value)}; ` +
      `${ofTheBaseline(count, n)} used it`,
    evidence: { setting, value, previous: latest.config[setting], baselineCount: count, baselineSize: n },
  }];
}

/** New exposed ports and changed entrypoint, cmd or user. Environment values are not in the profile; keys never alarm. */
export function configChecks(ctx: CheckContext): Candidate[] {
  return [
    ...additionChecks(ctx, {
      kind: 'port_added',
      items: (p) => p.config.exposedPorts,
      title: (port) => `new exposed port ${port}`,
      explanation: (port, seen) => `port ${port} is now exposed; ${seen} exposed it`,
      evidence: (port) => ({ port }),
    }),
    ...settingCheck(ctx, 'entrypoint'),
    ...settingCheck(ctx, 'cmd'),
    ...settingCheck(ctx, 'user'),
  ];
}
