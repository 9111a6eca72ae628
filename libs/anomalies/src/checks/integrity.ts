import { type BuildProfile } from '@dhi/profile';
import { KIND_IMPORTANCE } from '../anomaly-kind.js';
import { countMembers, ofTheBaseline, type Candidate, type CheckContext } from '../candidate.js';
import { ABSOLUTE_BITS, surprisal } from '../scoring.js';

// New content at a path approved builds already had unowned is common (a runtime's patch release, a static app
// build), and so, without a baseline, is an unowned binary under /usr/local, where official images put the runtimes
// they build from source (node, python). A path no approved build had, in the package manager's own directories, is
// the signal.
const USUAL_IMPORTANCE = 0.6;
// A package-owned program or library changed after installation can run anywhere; a changed data file less so.
const SYSTEM_BINARY_IMPORTANCE = 1.5;
const SYSTEM_BINARY = /^\/(usr\/)?(s?bin|lib(32|64|x32)?|libexec)\//;
const LOCAL = /^\/usr\/local\//;
const SMALL_BASELINE = 'the baseline is too small to tell whether it is usual';

/** Package-owned files whose content no longer matches the package database: reported whatever the baseline says. */
export function modifiedFileChecks(ctx: CheckContext): Candidate[] {
  return ctx.profile.integrity.modifiedPackageFiles.map((file) => ({
    kind: 'file_modified',
    key: [file.path],
    bits: ABSOLUTE_BITS,
    importance: SYSTEM_BINARY.test(file.path) ? SYSTEM_BINARY_IMPORTANCE : KIND_IMPORTANCE.file_modified,
    always: true,
    title: `${file.path} modified after installation`,
    explanation:
      `${file.path} differs from what package ${file.package} installed (${file.algorithm} expected ${file.expected}, ` +
      `found ${file.actual}): a package-owned file was changed after installation`,
    evidence: { path: file.path, package: file.package, algorithm: file.algorithm, expected: file.expected, actual: file.actual },
  }));
}

/**
 * Executables in system paths that no package owns. Without a usable baseline each one is reported on its own merit
 * (low under /usr/local, medium elsewhere). With one, an executable every approved build had at the same path with the
 * same content is not new and is not reported; new content at a path approved builds had is scored low.
 */
export function unownedExecutableChecks(ctx: CheckContext): Candidate[] {
  const n = ctx.members.length;
  const out: Candidate[] = [];
  for (const exe of ctx.profile.integrity.unownedSystemExecutables) {
    const listed = (m: BuildProfile, sameContent: boolean): boolean =>
      m.integrity.unownedSystemExecutables.some((e) => e.path === exe.path && (!sameContent || (e.sha256 !== null && e.sha256 === exe.sha256)));
    const same = countMembers(ctx.members, (m) => listed(m, true));
    const atPath = countMembers(ctx.members, (m) => listed(m, false));
    const evidence = { path: exe.path, sha256: exe.sha256, baselineCount: same, baselineWithPath: atPath, baselineSize: n };
    const head = `${exe.path} is an executable in a system path that no package owns`;
    if (!ctx.drift) {
      out.push({
        kind: 'unowned_executable',
        key: [exe.path],
        bits: ABSOLUTE_BITS,
        importance: LOCAL.test(exe.path) ? USUAL_IMPORTANCE : KIND_IMPORTANCE.unowned_executable,
        always: true,
        title: `unowned executable ${exe.path}`,
        explanation: `${head}; ${SMALL_BASELINE}`,
        evidence,
      });
      continue;
    }
    if (same === n) continue;
    const knownPath = atPath > 0;
    out.push({
      kind: 'unowned_executable',
      key: [exe.path],
      bits: surprisal(same, n),
      importance: knownPath ? USUAL_IMPORTANCE : KIND_IMPORTANCE.unowned_executable,
      always: false,
      title: knownPath ? `unowned executable ${exe.path} changed` : `unowned executable ${exe.path}`,
      explanation: knownPath
        ? `${head}; ${ofTheBaseline(atPath, n)} had it, ${same === 0 ? 'none' : same} with this content`
        : `${head}; ${ofTheBaseline(0, n)} had it`,
      evidence,
    });
  }
  return out;
}
