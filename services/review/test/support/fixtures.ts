import { randomUUID } from 'node:crypto';
import {
  type AnomalyCompleted,
  type BuildRef,
  createEvent,
  type Envelope,
  type ScanCompleted,
  TOPICS,
} from '@dhi/contracts';

const DIGEST = `sha256:${'b'.repeat(64)}`;
const INVENTORY = { layerCount: 3, fileCount: 7, totalSize: 4096, os: { id: 'debian', versionId: '12', prettyName: 'Debian 12' } };

/** Who built what; the submitter is unique per build so reviewers never collide by accident. */
export function buildRef(overrides: Partial<BuildRef> = {}): BuildRef {
  return { name: 'dhi/node', tag: '22.1.0', lineage: 'dhi/node', submitter: `dev-${randomUUID().slice(0, 8)}`, imageDigest: DIGEST, ...overrides };
}

/** A scan.completed event with two findings (a vulnerability and a secret). */
export function scanCompleted(buildId: string, build: BuildRef): Envelope<ScanCompleted> {
  return createEvent(
    TOPICS.scanCompleted,
    buildId,
    {
      buildId,
      build,
      scannerVersion: '0.1.0',
      modelVersion: null,
      sbomRef: null,
      packageCount: 12,
      inventory: INVENTORY,
      summary: { critical: 0, high: 1, medium: 0, low: 0, info: 0 },
      findings: [
        {
          id: `fp-vuln-${buildId.slice(0, 8)}`,
          ruleId: 'vuln.osv',
          category: 'vulnerability',
          severity: 'high',
          confidence: 0.9,
          suppressed: false,
          title: 'openssl: CVE-2024-0001',
          evidence: {
            layerDigest: DIGEST,
            path: '/usr/lib/x86_64-linux-gnu/libssl.so.3',
            line: null,
            package: 'pkg:deb/debian/openssl@3.0.11-1',
            installedVersion: '3.0.11-1',
            fixedVersion: '3.0.13-1',
            advisoryIds: ['CVE-2024-0001'],
          },
          remediation: 'Upgrade openssl to 3.0.13-1',
          patch: null,
        },
        {
          id: `fp-secret-${buildId.slice(0, 8)}`,
          ruleId: 'secret.aws-key',
          category: 'secret',
          severity: 'critical',
          confidence: 0.4,
          suppressed: true,
          title: 'AWS access key in a layer',
          evidence: { layerDigest: DIGEST, path: '/app/.env', line: 3, package: null, installedVersion: null, fixedVersion: null, advisoryIds: [] },
          remediation: 'Remove the file and rotate the key',
          patch: null,
        },
      ],
    },
    { source: 'dhi/scanner' },
  );
}

/** An anomaly.completed event with one anomaly (a new setuid file). */
export function anomalyCompleted(buildId: string, build: BuildRef): Envelope<AnomalyCompleted> {
  return createEvent(
    TOPICS.anomalyCompleted,
    buildId,
    {
      buildId,
      build,
      lineage: build.lineage,
      baseline: { size: 3, version: 2 },
      modelVersion: null,
      score: 0.7,
      inventory: INVENTORY,
      summary: { critical: 0, high: 0, medium: 1, low: 0, info: 0 },
      anomalies: [
        {
          id: `an-setuid-${buildId.slice(0, 8)}`,
          kind: 'new-setuid',
          severity: 'medium',
          confidence: 0.7,
          suppressed: false,
          title: 'New setuid file /usr/local/bin/helper',
          explanation: 'No approved build of dhi/node has a setuid file here',
          evidence: { path: '/usr/local/bin/helper', mode: '4755', layerIndex: 2 },
        },
      ],
    },
    { source: 'dhi/anomaly-detector' },
  );
}
