import { type BuildProfile } from '@dhi/profile';
import { type Candidate, type CheckContext } from '../candidate.js';
import { additionChecks } from './additions.js';

function fileEvidence(profile: BuildProfile, path: string): Record<string, unknown> {
  const exe = profile.executables.find((e) => e.path === path);
  if (!exe) return { path };
  return { path, mode: exe.mode.toString(8).padStart(4, '0'), owner: exe.owner, sha256: exe.sha256, size: exe.size };
}

/** setuid and setgid paths and world-writable paths that the approved builds did not have. */
export function permissionChecks(ctx: CheckContext): Candidate[] {
  const evidence = (path: string): Record<string, unknown> => fileEvidence(ctx.profile, path);
  return [
    ...additionChecks(ctx, {
      kind: 'setuid_added',
      items: (p) => p.setuid,
      title: (path) => `new setuid file ${path}`,
      explanation: (path, seen) => `${path} has the setuid bit (it runs with its owner's privileges); ${seen} had it set`,
      evidence,
    }),
    ...additionChecks(ctx, {
      kind: 'setgid_added',
      items: (p) => p.setgid,
      title: (path) => `new setgid file ${path}`,
      explanation: (path, seen) => `${path} has the setgid bit (it runs with its group's privileges); ${seen} had it set`,
      evidence,
    }),
    ...additionChecks(ctx, {
      kind: 'world_writable_added',
      items: (p) => p.worldWritable,
      title: (path) => `new world-writable path ${path}`,
      explanation: (path, seen) => `${path} is writable by every user; ${seen} had it world-writable`,
      evidence: (path) => ({ path }),
    }),
  ];
}
