import { KIND_IMPORTANCE } from '../anomaly-kind.js';
import { countMembers, ofTheBaseline, type Candidate, type CheckContext } from '../candidate.js';
import { ABSOLUTE_BITS, surprisal } from '../scoring.js';
import { additionChecks } from './additions.js';

// Cron lines and key entries are `<file>: <rest>`.
function fileOf(entry: string): string {
  const colon = entry.indexOf(': ');
  return colon === -1 ? entry : entry.slice(0, colon);
}

/** Cron lines and systemd units the approved builds did not have. */
export function persistenceChecks(ctx: CheckContext): Candidate[] {
  return [
    ...additionChecks(ctx, {
      kind: 'cron_added',
      items: (p) => p.persistence.cron,
      title: (line) => `new cron entry in ${fileOf(line)}`,
      explanation: (line, seen) => `cron entry "${line}" was added (it runs on a schedule); ${seen} had it`,
      evidence: (line) => ({ path: fileOf(line), entry: line }),
    }),
    ...additionChecks(ctx, {
      kind: 'systemd_unit_added',
      items: (p) => p.persistence.systemdUnits,
      title: (path) => `new systemd unit ${path}`,
      explanation: (path, seen) => `systemd unit ${path} was added; ${seen} had it`,
      evidence: (path) => ({ path }),
    }),
  ];
}

/**
 * Authorized SSH keys. Any key is worth a look (it grants someone a login), so every key is reported: without a
 * usable baseline at the absolute prior, with one by how many approved builds had the same key, which leaves a key
 * every approved build had at info.
 */
export function authorizedKeyChecks(ctx: CheckContext): Candidate[] {
  const n = ctx.members.length;
  return [...new Set(ctx.profile.persistence.authorizedKeys)].map((entry) => {
    const path = fileOf(entry);
    const count = countMembers(ctx.members, (m) => m.persistence.authorizedKeys.includes(entry));
    const context = ctx.drift ? `${ofTheBaseline(count, n)} had it` : 'the baseline is too small to tell whether it is usual';
    return {
      kind: 'authorized_key_added',
      key: [entry],
      bits: ctx.drift ? surprisal(count, n) : ABSOLUTE_BITS,
      importance: KIND_IMPORTANCE.authorized_key_added,
      always: true,
      title: count === n && ctx.drift ? `authorized key in ${path}` : `new authorized key in ${path}`,
      explanation: `SSH key "${entry}" lets its holder log in; ${context}`,
      evidence: { path, entry, baselineCount: count, baselineSize: n },
    } satisfies Candidate;
  });
}
