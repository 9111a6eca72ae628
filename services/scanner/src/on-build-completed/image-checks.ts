import { type CheckHit, checkImageConfig, checkPermissions, type FoundSecret, wantsPermissionContent } from '@dhi/checks';
import { capturedContent, type ImageConfigJson, osReleaseOf } from '@dhi/image';
import { type ExtraRead } from '@dhi/sbom';
import { scanText, secretHits, secretInspector, type SecretFileResult, type SecretScanOptions, type SecretScanReport } from '@dhi/secrets';

export interface ImageChecksInput {
  config: ImageConfigJson;
  layers: readonly { digest: string }[];
  /** The image's lineage is configured as a runtime (minimal) variant. */
  runtimeVariant: boolean;
  secrets?: SecretScanOptions;
}

/** What the checks read, for the scan report: the secret scan's counts (files scanned, binary and oversize ones skipped). */
export interface ChecksReport {
  secrets: SecretScanReport | null;
}

/** The checks that ride on an image read, and their hits once the read has seen the whole filesystem. */
export interface ImageChecks {
  extra: ExtraRead<SecretFileResult>;
  hits(): CheckHit[];
  report(): ChecksReport;
}

/** The secret detector for text the image carries outside files (ENV, labels, history, Dockerfile ARG/ENV). */
export function findSecrets(text: string): FoundSecret[] {
  return scanText(text).map(({ ruleId, redacted, fingerprint }) => ({ ruleId, redacted, fingerprint }));
}

/**
 * The secret, permission, account and image-config checks as a part of one read of the layers (catalogImage's
 * `extra`, or readImageFilesystem directly as bench/checks does): secrets in every file of every layer as it streams,
 * the rest from the final filesystem.
 */
export function imageChecks(input: ImageChecksInput): ImageChecks {
  const found: CheckHit[] = [];
  let secrets: SecretScanReport | null = null;
  const extra: ExtraRead<SecretFileResult> = {
    wantContent: wantsPermissionContent,
    inspect: secretInspector(input.secrets),
    onFilesystem: (fs, inspections) => {
      const release = osReleaseOf(fs);
      const os = release ? { id: release.id, versionId: release.versionId } : null;
      const { config, layers, runtimeVariant } = input;
      const scanned = secretHits({ layers, history: fs.history, inspections, files: fs.files }, input.secrets);
      secrets = scanned.report;
      found.push(...scanned.hits);
      found.push(...checkPermissions({ fs, layers, os, contentOf: (path) => capturedContent(fs, path) }));
      found.push(...checkImageConfig({ config, fs, runtimeVariant, findSecrets, layers }));
    },
  };
  return { extra, hits: () => found, report: () => ({ secrets }) };
}
