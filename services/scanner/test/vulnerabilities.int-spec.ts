import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type FindingPublished, type ScanCompleted, type ScanRematched, TOPICS } from '@dhi/contracts';
import { type FixtureImageSpec, type AnalyserUnderTest, buildCompletedEvent, corporaDir, pollUntil, startAnalyserUnderTest } from '@dhi/testing';
import request from 'supertest';
import { scannerService } from '../src/service.js';

const LODASH_GHSA = join(corporaDir(), 'osv', 'npm', 'GHSA-35jh-r3h4-6jhm.json');
const DSA_LIST = join(corporaDir(), 'debian', 'DSA', 'list');

const OS_RELEASE = 'PRETTY_NAME="Debian GNU/Linux 11 (bullseye)"\nNAME="Debian GNU/Linux"\nVERSION_ID="11"\nID=debian\n';
const DPKG_STATUS = `Package: libssl1.1
Status: install ok installed
Architecture: amd64
Source: openssl
Version: 1.1.1n-0+deb11u3

Package: zlib1g
Status: install ok installed
Architecture: amd64
Source: zlib (1:1.2.11.dfsg-2+deb11u2)
Version: 1:1.2.11.dfsg-2+deb11u2
`;
const packageJson = (name: string, version: string): string => JSON.stringify({ name, version, license: 'MIT' });

/** Debian 11 with an openssl fixed by later DSAs, and an app with a vulnerable lodash and a fixed nested one. */
function vulnerableImage(seed: string): FixtureImageSpec {
  return {
    layers: [
      [
        { path: '/etc/os-release', content: OS_RELEASE },
        { path: '/var/lib/dpkg/status', content: DPKG_STATUS },
      ],
      [
        { path: '/app/server.js', content: `// ${seed}\n` },
        { path: '/app/node_modules/lodash/package.json', content: packageJson('lodash', '4.17.20') },
        { path: '/app/node_modules/tool/package.json', content: packageJson('tool', '1.0.0') },
        { path: '/app/node_modules/tool/node_modules/lodash/package.json', content: packageJson('lodash', '4.17.21') },
      ],
    ],
    config: { User: '1000' },
  };
}

describe('vulnerability matching and re-matching against real Kafka and PostgreSQL', () => {
  let scanner: AnalyserUnderTest;
  const http = () => request(scanner.app.getHttpServer());
  const upload = (name: string, body: Buffer | string) => http().post('/v1/advisories/import').attach('file', Buffer.from(body), name).expect(200);
  const lodashRecord = (): Record<string, unknown> => JSON.parse(readFileSync(LODASH_GHSA, 'utf8'));
  const findingEvent = (buildId: string, change: FindingPublished['change']) =>
    pollUntil(() => scanner.tap.of<FindingPublished>(TOPICS.findings, buildId).find((e) => e.data.change === change && e.data.trigger.kind === 'advisories'), {
      timeoutMs: 30_000,
    });

  beforeAll(async () => {
    scanner = await startAnalyserUnderTest({
      definition: scannerService,
      topics: [TOPICS.scanCompleted, TOPICS.findings, TOPICS.scanRematched],
      env: { REMATCH_INTERVAL_MS: '200' },
    });
    await upload('list', readFileSync(DSA_LIST));
  }, 120_000);

  afterAll(() => scanner?.stop(), 60_000);

  it('matches OS packages through their source and release at scan time, with evidence, and publishes one event per finding', async () => {
    const image = await scanner.blobs.importImage(vulnerableImage('scan'));
    const event = buildCompletedEvent(image, scanner.blobs.baseUrl('good'));
    const { buildId } = event.data;
    await scanner.publisher.publish(TOPICS.buildCompleted, event);

    const completed = (await scanner.tap.first<ScanCompleted>(TOPICS.scanCompleted, buildId)).envelope.data;
    const dsa = completed.findings.find((f) => f.evidence.advisoryIds[0] === 'DSA-5343-1');
    expect(dsa).toMatchObject({
      ruleId: 'vulnerability.deb',
      category: 'vulnerability',
      severity: 'medium',
      evidence: { layerDigest: image.layers[0]!.digest, path: '/var/lib/dpkg/status', package: 'libssl1.1', installedVersion: '1.1.1n-0+deb11u3', fixedVersion: '1.1.1n-0+deb11u4' },
      patch: expect.stringContaining('--only-upgrade libssl1.1'),
    });
    expect(dsa!.evidence.advisoryIds).toEqual(expect.arrayContaining(['DSA-5343-1', 'CVE-2023-0286']));
    // every vulnerability concerns openssl: zlib's advisories in the list are for other versions or releases, lodash has none yet
    const vulnerabilities = completed.findings.filter((f) => f.category === 'vulnerability');
    expect(vulnerabilities.length).toBeGreaterThan(0);
    expect(vulnerabilities.every((f) => f.evidence.package === 'libssl1.1')).toBe(true);
    expect(completed.summary.medium).toBe(completed.findings.filter((f) => f.severity === 'medium').length);

    const published = await pollUntil(() => {
      const events = scanner.tap.of<FindingPublished>(TOPICS.findings, buildId);
      return events.length === completed.findings.length ? events : undefined;
    }, { timeoutMs: 20_000 });
    expect(published.map((e) => e.data.finding.id).sort()).toEqual(completed.findings.map((f) => f.id).sort());
    expect(published[0]!.data).toMatchObject({ change: 'detected', trigger: { kind: 'scan' }, build: { name: 'dhi/sample', imageDigest: image.manifestDigest } });

    const served = await http().get(`/v1/builds/${buildId}/findings`).expect(200);
    expect(served.body.findings.map((f: { id: string }) => f.id)).toEqual(completed.findings.map((f) => f.id));
    expect(served.body.findings[0]).toMatchObject({ status: 'open', resolvedAt: null });
  });

  it('re-matches a stored build when an advisory arrives, and resolves the finding when it is withdrawn', async () => {
    const image = await scanner.blobs.importImage(vulnerableImage('rematch'));
    const event = buildCompletedEvent(image, scanner.blobs.baseUrl('good'));
    const { buildId } = event.data;
    await scanner.publisher.publish(TOPICS.buildCompleted, event);
    const scanned = (await scanner.tap.first<ScanCompleted>(TOPICS.scanCompleted, buildId)).envelope.data;
    expect(scanned.findings.some((f) => f.evidence.package === 'lodash')).toBe(false);

    await upload('GHSA-35jh-r3h4-6jhm.json', readFileSync(LODASH_GHSA));
    const rematched = (await scanner.tap.first<ScanRematched>(TOPICS.scanRematched, buildId)).envelope.data;
    expect(rematched.trigger).toEqual({ kind: 'advisories', advisoryIds: ['GHSA-35jh-r3h4-6jhm'] });
    expect(rematched.detected).toHaveLength(1);
    expect(rematched.summary.high).toBe(scanned.summary.high + 1);
    const detected = (await findingEvent(buildId, 'detected')).data;
    expect(detected.finding).toMatchObject({
      id: rematched.detected[0],
      ruleId: 'vulnerability.npm',
      severity: 'high',
      evidence: {
        layerDigest: image.layers[1]!.digest, path: '/app/node_modules/lodash/package.json', installedVersion: '4.17.20', fixedVersion: '4.17.21',
        advisoryIds: ['CVE-2021-23337', 'GHSA-35jh-r3h4-6jhm'],
      },
      remediation: 'Upgrade lodash to 4.17.21 or later.',
    });
    // only the vulnerable copy: the nested lodash is at the fixed version
    const open = await http().get(`/v1/builds/${buildId}/findings`).expect(200);
    expect(open.body.findings.filter((f: { evidence: { package: string } }) => f.evidence.package === 'lodash')).toHaveLength(1);

    // a later build gets the same finding at scan time, under the same fingerprint
    const next = buildCompletedEvent(await scanner.blobs.importImage(vulnerableImage('next')), scanner.blobs.baseUrl('good'));
    await scanner.publisher.publish(TOPICS.buildCompleted, next);
    const nextScan = (await scanner.tap.first<ScanCompleted>(TOPICS.scanCompleted, next.data.buildId)).envelope.data;
    expect(nextScan.findings.map((f) => f.id)).toContain(detected.finding.id);

    const withdrawn = { ...lodashRecord(), modified: '2030-01-01T00:00:00Z', withdrawn: '2030-01-01T00:00:00Z' };
    await upload('withdrawn.json', JSON.stringify(withdrawn));
    const resolved = await findingEvent(buildId, 'resolved');
    expect(resolved.data.finding.id).toBe(detected.finding.id);
    await pollUntil(async () => (await http().get(`/v1/builds/${buildId}/findings?status=resolved`)).body.findings.length === 1 || undefined, { timeoutMs: 20_000 });
    const afterWithdrawal = await http().get(`/v1/builds/${buildId}/findings?status=all`).expect(200);
    const lodash = afterWithdrawal.body.findings.find((f: { id: string }) => f.id === detected.finding.id);
    expect(lodash).toMatchObject({ status: 'resolved', resolvedAt: expect.any(String) });
    const scan = await http().get(`/v1/scans/${buildId}`).expect(200);
    expect(scan.body.summary).toEqual(scanned.summary);
  });

  it('changes nothing and publishes nothing when a re-import leaves the advisories as they were', async () => {
    const queuesEmpty = () =>
      pollUntil(async () => (await scanner.count('SELECT (SELECT count(*) FROM rematch_keys) + (SELECT count(*) FROM rematch_builds) AS n', [])) === 0 || undefined, {
        timeoutMs: 20_000,
        description: 're-matching queues empty',
      });
    // the earlier tests' re-matching may still be under way
    await queuesEmpty();
    const before = await scanner.count('SELECT count(*) AS n FROM outbox', []);
    await upload('GHSA-35jh-r3h4-6jhm.json', readFileSync(LODASH_GHSA));
    await queuesEmpty();
    expect(await scanner.count('SELECT count(*) AS n FROM outbox', [])).toBe(before);
  });

  it('refuses an unknown ?status= with a problem', async () => {
    const res = await http().get('/v1/builds/00000000-0000-4000-8000-000000000000/findings?status=closed').expect(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});
