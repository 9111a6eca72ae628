import { type CheckHit } from '@dhi/checks';
import { contentHits, type SecretHitsInput } from './content-hits.js';
import { fileNameHits } from './file-name-hits.js';
import { resolveScanOptions, type SecretScanOptions } from './scan-options.js';

/** What the scan read and skipped, never a silent gap. Counts are of file versions: one per layer that wrote a file. */
export interface SecretScanReport {
  /** Read as text. */
  filesScanned: number;
  bytesScanned: number;
  /** Binary content (NUL bytes or mostly non-text in the first 8 KiB): not scanned. */
  binarySkipped: number;
  /** Over `maxFileBytes`: not read. */
  oversizeSkipped: number;
  /** Under `allowPaths`: neither read nor reported. */
  allowlisted: number;
  /** Under a default path policy (certificate stores, documentation, package tests): only some rules ran. */
  policyLimited: number;
  /** Files with more than 1000 matches, of which only the first 1000 were kept. */
  truncated: number;
  hitsByRule: Record<string, number>;
}

function reportOf(input: SecretHitsInput, hits: readonly CheckHit[], isAllowlisted: (path: string) => boolean): SecretScanReport {
  const report: SecretScanReport = { filesScanned: 0, bytesScanned: 0, binarySkipped: 0, oversizeSkipped: 0, allowlisted: 0, policyLimited: 0, truncated: 0, hitsByRule: {} };
  for (const byLayer of input.inspections.values()) {
    for (const result of byLayer.values()) {
      if (result.skipped === 'binary') report.binarySkipped += 1;
      else if (result.skipped === 'oversize') report.oversizeSkipped += 1;
      else {
        report.filesScanned += 1;
        report.bytesScanned += result.bytes;
        if (result.policy) report.policyLimited += 1;
        if (result.truncated) report.truncated += 1;
      }
    }
  }
  for (const [path, events] of input.history) {
    if (isAllowlisted(path)) report.allowlisted += events.filter((event) => event.type === 'file').length;
  }
  for (const hit of hits) report.hitsByRule[hit.ruleId] = (report.hitsByRule[hit.ruleId] ?? 0) + 1;
  return report;
}

/**
 * Turns what `secretInspector` found in every layer into hits: one per (rule, secret, path) with the layer that added
 * it and the one that removed it, plus file-name hits for credential files no content rule reported. Pass the options
 * given to `secretInspector`.
 */
export function secretHits(input: SecretHitsInput, options: SecretScanOptions = {}): { hits: CheckHit[]; report: SecretScanReport } {
  const settings = resolveScanOptions(options);
  const content = contentHits(input);
  const reported = new Set(content.map((hit) => hit.evidence.path ?? ''));
  const hits = [...content, ...fileNameHits(input, reported, settings)].sort(
    (a, b) => (a.evidence.path ?? '').localeCompare(b.evidence.path ?? '') || a.ruleId.localeCompare(b.ruleId) || a.key.join().localeCompare(b.key.join()),
  );
  return { hits, report: reportOf(input, hits, settings.isAllowlisted) };
}
