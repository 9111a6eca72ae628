import { type ProfileUser } from '@dhi/profile';
import { KIND_IMPORTANCE } from '../anomaly-kind.js';
import { type Candidate, type CheckContext } from '../candidate.js';
import { ABSOLUTE_BITS } from '../scoring.js';
import { additionChecks } from './additions.js';

function userEvidence(user: ProfileUser | undefined): Record<string, unknown> {
  return user ? { user: user.name, uid: user.uid, gid: user.gid, home: user.home, shell: user.shell } : {};
}

/** Accounts (by name) that the approved builds did not have. */
export function userChecks(ctx: CheckContext): Candidate[] {
  const byName = new Map(ctx.profile.users.map((u) => [u.name, u]));
  return additionChecks(ctx, {
    kind: 'user_added',
    items: (p) => p.users.map((u) => u.name),
    title: (name) => `new user ${name}`,
    explanation: (name, seen) => {
      const u = byName.get(name);
      return `user ${name}${u ? ` (uid ${u.uid}, shell ${u.shell})` : ''} was added; ${seen} had it`;
    },
    evidence: (name) => userEvidence(byName.get(name)),
  });
}

/** Every account with uid 0 other than root: root's privileges under another name, whatever the baseline says. */
export function uid0Checks(ctx: CheckContext): Candidate[] {
  return ctx.profile.users
    .filter((u) => u.uid === 0 && u.name !== 'root')
    .map((u) => ({
      kind: 'uid0_extra',
      key: [u.name],
      bits: ABSOLUTE_BITS,
      importance: KIND_IMPORTANCE.uid0_extra,
      always: true,
      title: `second uid 0 account ${u.name}`,
      explanation: `user ${u.name} has uid 0, so it has root's privileges under another name (shell ${u.shell})`,
      evidence: userEvidence(u),
    }));
}
