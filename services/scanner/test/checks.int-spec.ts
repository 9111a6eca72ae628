import { createHash } from 'node:crypto';
import { type FindingPublished, type ScanCompleted, TOPICS } from '@dhi/contracts';
import { type AnalyserUnderTest, buildCompletedEvent, type FixtureImageSpec, pollUntil, startAnalyserUnderTest } from '@dhi/testing';
import request from 'supertest';
import { scannerService } from '../src/service.js';

// fake credentials assembled at run time, so this repository's own secret scanning has nothing to find in the source
const GITHUB_TOKEN = ['ghp', '_', 'R7xK2mQ9vL4pT8wN3bY6cJ1hF5dS0aZeUiOg'].join('');
const BASE = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\nVERSION_ID="12"\n';

/** A token added in layer 2 and deleted in layer 3; a setuid file nobody ships; root; an ENV secret in the config. */
function riskyImage(seed: string): FixtureImageSpec {
  return {
    layers: [
      [
        { path: '/etc/os-release', content: BASE },
        { path: '/etc/passwd', content: 'root:x:0:0:root:/root:/bin/bash\ntoor:x:0:0::/root:/bin/sh\n' },
        { path: '/etc/shadow', content: 'root:*:19000:0:99999:7:::\ntoor::19000:0:99999:7:::\n', mode: 0o640 },
      ],
      [
        { path: '/app/.env', content: `# ${seed}\nGITHUB_TOKEN=${GITHUB_TOKEN}\n` },
        { path: '/usr/local/bin/helper', content: '#!/bin/sh\necho hi\n', mode: 0o4755 },
      ],
      [{ path: '/app/.wh..env', content: '' }],
    ],
    config: { Env: ['PATH=/usr/bin', `API_TOKEN=${GITHUB_TOKEN}`] },
  };
}

describe('secret, permission, config and Dockerfile checks against real Kafka and PostgreSQL', () => {
  let scanner: AnalyserUnderTest;
  const http = () => request(scanner.app.getHttpServer());

  beforeAll(async () => {
    scanner = await startAnalyserUnderTest({ definition: scannerService, topics: [TOPICS.scanCompleted, TOPICS.findings] });
  }, 150_000);

  afterAll(() => scanner?.stop(), 60_000);

  it('reports a deleted secret as still extractable, with redacted evidence only, and the other checks with their rules', async () => {
    const image = await scanner.blobs.importImage(riskyImage('secrets'));
    const dockerfile = 'FROM debian:latest\nADD app /app\nRUN apt-get update && apt-get install -y curl\n';
    const event = buildCompletedEvent(image, scanner.blobs.baseUrl('good'));
    const withDockerfile = { ...event, data: { ...event.data, dockerfile, context: { dockerfilePath: 'Dockerfile', dockerignore: false } } };
    await scanner.publisher.publish(TOPICS.buildCompleted, withDockerfile);
    const { buildId } = event.data;
    const completed = (await scanner.tap.first<ScanCompleted>(TOPICS.scanCompleted, buildId)).envelope.data;

    const secret = completed.findings.find((f) => f.category === 'secret' && f.evidence.path === '/app/.env');
    expect(secret).toMatchObject({
      evidence: { layerDigest: image.layers[1]!.digest, details: expect.objectContaining({ addedInLayer: 2, removedInLayer: 3, stillInFinalImage: false }) },
    });
    expect(secret!.title).toMatch(/removed in layer 3.*extractable/);
    expect(completed.findings.find((f) => f.ruleId === 'permission.setuid' && f.evidence.path === '/usr/local/bin/helper')).toMatchObject({ severity: 'high' });
    expect(completed.findings.map((f) => f.ruleId)).toEqual(expect.arrayContaining([
      'config.user-root', 'permission.uid0-account', 'permission.empty-password', 'config.secret-in-env',
      'dockerfile.from-latest', 'dockerfile.apt-no-install-recommends', 'dockerfile.add-instead-of-copy',
    ]));
    const dockerfileFinding = completed.findings.find((f) => f.ruleId === 'dockerfile.add-instead-of-copy')!;
    expect(dockerfileFinding.evidence).toMatchObject({ path: 'Dockerfile', line: 2 });
    expect(dockerfileFinding.patch).toContain('+COPY app /app');

    // the token never leaves the scanner in full: not in the event, the findings topic, the database or the API
    const published = await pollUntil(() => {
      const events = scanner.tap.of<FindingPublished>(TOPICS.findings, buildId);
      return events.length === completed.findings.length ? events : undefined;
    }, { timeoutMs: 20_000 });
    const served = await http().get(`/v1/builds/${buildId}/findings`).expect(200);
    const rows = await scanner.count(`SELECT count(*) AS n FROM findings WHERE build_id = $1 AND (evidence::text || title || remediation) LIKE '%' || $2 || '%'`, [buildId, GITHUB_TOKEN]);
    for (const text of [JSON.stringify(completed), JSON.stringify(published), JSON.stringify(served.body)]) expect(text).not.toContain(GITHUB_TOKEN);
    expect(rows).toBe(0);
    const fingerprint = createHash('sha256').update(GITHUB_TOKEN).digest('hex');
    expect(JSON.stringify(secret)).toContain(fingerprint.slice(0, 16));

    const scan = await http().get(`/v1/scans/${buildId}`).expect(200);
    expect(scan.body.report.secrets).toMatchObject({ filesScanned: expect.any(Number), binarySkipped: expect.any(Number), oversizeSkipped: 0 });
    expect(scan.body.report.secrets.filesScanned).toBeGreaterThanOrEqual(5);
  });

  it('serves the rule catalog: every rule a finding names, with references and remediation', async () => {
    const all = await http().get('/v1/rules').expect(200);
    const ids = all.body.rules.map((r: { id: string }) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(all.body.rules.length).toBeGreaterThan(150);
    for (const family of ['vulnerability.', 'config.', 'permission.', 'dockerfile.', 'secret.']) expect(ids.some((id: string) => id.startsWith(family))).toBe(true);
    const root = await http().get('/v1/rules/config.user-root').expect(200);
    expect(root.body).toMatchObject({ category: 'misconfiguration', references: { cis: expect.any(String) }, remediation: expect.any(String) });
    const hadolint = await http().get('/v1/rules/dockerfile.apt-no-install-recommends').expect(200);
    expect(hadolint.body.references.hadolint).toBe('DL3015');
    const secrets = await http().get('/v1/rules?category=secret').expect(200);
    expect(secrets.body.rules.every((r: { category: string }) => r.category === 'secret')).toBe(true);
    expect(secrets.body.rules.length).toBeGreaterThanOrEqual(60);
    await http().get('/v1/rules/no.such-rule').expect(404);
    await http().get('/v1/rules?category=nonsense').expect(400);
  });
});
