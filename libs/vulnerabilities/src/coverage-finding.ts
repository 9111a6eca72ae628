import { type Finding, findingFingerprint } from '@dhi/contracts';
import { type Note } from '@dhi/sbom';
import { coverageRuleId } from './vulnerability-rules.js';

// Notes that leave packages unchecked for vulnerabilities; a missing history only blurs which layer introduced one.
const GAPS: Partial<Record<Note['code'], { title: string; remediation: string }>> = {
  rpmdb_not_read: {
    title: 'RPM database not read: its packages are not checked for vulnerabilities',
    remediation: 'Rebuild on a base image whose rpm database is the sqlite format (rpm 4.16 or later), or check these packages another way.',
  },
  metadata_truncated: {
    title: 'Package metadata larger than the read limit: its packages are not checked for vulnerabilities',
    remediation: "Raise the scanner's file read limit if this file is legitimately this large.",
  },
  metadata_unreadable: {
    title: 'Package metadata could not be read: its packages are not checked for vulnerabilities',
    remediation: 'Check that the file is not corrupt; the message says what could not be parsed.',
  },
  archive_limit: {
    title: 'Archive nesting or size past the limit: packages inside are not checked for vulnerabilities',
    remediation: 'Check the archive by other means, or flatten deeply nested archives.',
  },
};

/**
 * Info findings for what the catalogers could not read, so a reviewer sees the coverage gap instead of a clean report;
 * one per file (by fingerprint), with the path and layer as evidence.
 */
export function coverageFindings(notes: readonly Note[], layerDigests: readonly string[], confidence: number): Finding[] {
  const findings = new Map<string, Finding>();
  for (const note of notes) {
    const gap = GAPS[note.code];
    if (!gap) continue;
    const id = findingFingerprint('coverage', [note.code, note.path]);
    if (findings.has(id)) continue;
    findings.set(id, {
      id,
      ruleId: coverageRuleId(note.code),
      category: 'vulnerability',
      severity: 'info',
      confidence,
      suppressed: false,
      title: gap.title,
      evidence: {
        layerDigest: note.layerIndex === undefined ? null : (layerDigests[note.layerIndex] ?? null),
        path: note.path,
        line: null,
        package: null,
        installedVersion: null,
        fixedVersion: null,
        advisoryIds: [],
      },
      remediation: `${note.message}. ${gap.remediation}`,
      patch: null,
    });
  }
  return [...findings.values()];
}
