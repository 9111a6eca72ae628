import { randomBytes } from 'node:crypto';
import { type CheckHit, findingOf } from '@dhi/checks';
import { Finding } from '@dhi/contracts';
import { SECRET_RULES, secretFingerprint } from '../src/index.js';
import { FAKE_SECRETS } from './support/fake-secrets.js';
import { TestImages } from './support/image-builder.js';
import { ALNUM, randomSource } from './support/random-text.js';

const images = new TestImages();
afterAll(() => images.close());

const r = randomSource('image-scan');
const githubToken = `gh${'p_'}${r(ALNUM, 36)}`;
const awsKeyId = `AK${'IA'}${r('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)}`;
const dbPassword = `${r(ALNUM, 18)}9x`;
const openSshKey = FAKE_SECRETS['secret.openssh-private-key'](randomSource('image-key'));
const rsaKey = FAKE_SECRETS['secret.private-key'](randomSource('image-rsa'));
const hitOf = (hits: readonly CheckHit[], ruleId: string, path: string): CheckHit | undefined =>
  hits.find((hit) => hit.ruleId === ruleId && hit.evidence.path === path);

describe('secrets in every layer of an image', () => {
  it('reports a token whose file a later layer deleted: added in layer 1, removed in layer 2, still extractable', async () => {
    const { hits, fs, layers } = await images.scan([[{ name: 'app/.env', data: `GITHUB_TOKEN=${githubToken}\n` }], [{ name: 'app/.wh..env' }]]);
    expect(fs.files.has('/app/.env')).toBe(false);
    expect(hits).toHaveLength(1);
    const [hit] = hits;
    expect(hit).toMatchObject({
      ruleId: 'secret.github-pat',
      key: [secretFingerprint(githubToken), '/app/.env'],
      title: 'GitHub personal access token in /app/.env (added in layer 1, removed in layer 2, still extractable from the image)',
      evidence: {
        layerDigest: layers[0].digest,
        path: '/app/.env',
        line: 1,
        details: { addedInLayer: 1, removedInLayer: 2, removedBy: 'deleted', stillInFinalImage: false, secretFingerprint: secretFingerprint(githubToken) },
      },
    });
    expect(hit.remediation).toMatch(/Layer 2 deleted the file, but layer 1 still holds it/);
    expect(JSON.stringify(hits)).not.toContain(githubToken);
  });

  it('reports a secret of a base layer that a later layer overwrote, and one that stayed', async () => {
    const base = [
      { name: 'etc/app/config.yml', data: `db:\n  password: "${dbPassword}"\n` },
      { name: 'etc/app/aws.env', data: `AWS_ACCESS_KEY_ID=${awsKeyId}\n` },
    ];
    const { hits } = await images.scan([base, [{ name: 'etc/app/config.yml', data: 'db:\n  password_file: /run/secrets/db\n' }], [{ name: 'srv/www/index.html', data: '<p>hi</p>' }]]);
    expect(hitOf(hits, 'secret.generic-keyword-assignment', '/etc/app/config.yml')).toMatchObject({
      evidence: { line: 2, details: { addedInLayer: 1, removedInLayer: 2, removedBy: 'overwritten', stillInFinalImage: false, keyword: 'password' } },
    });
    expect(hitOf(hits, 'secret.aws-access-key-id', '/etc/app/aws.env')).toMatchObject({
      title: 'AWS access key id in /etc/app/aws.env (added in layer 1)',
      evidence: { details: { addedInLayer: 1, removedInLayer: null, stillInFinalImage: true } },
    });
  });

  it('reports one hit per secret and path: a file rewritten with the same secret keeps its first layer', async () => {
    const line = `TOKEN=${githubToken}\n`;
    const { hits, layers } = await images.scan([[{ name: 'a/.env', data: line + line }, { name: 'b/app.conf', data: line }], [{ name: 'a/.env', data: `# touched\n${line}` }]]);
    expect(hits.map((hit) => [hit.ruleId, hit.evidence.path])).toEqual([
      ['secret.github-pat', '/a/.env'],
      ['secret.github-pat', '/b/app.conf'],
    ]);
    expect(hits[0].evidence).toMatchObject({ layerDigest: layers[0].digest, line: 1 });
    expect(hits[0].evidence.details).toMatchObject({ addedInLayer: 1, stillInFinalImage: true, removedInLayer: null });
  });

  it('does not report allowlisted paths, and counts them', async () => {
    const { hits, report } = await images.scan(
      [[{ name: 'usr/share/doc/tool/example.env', data: `TOKEN=${githubToken}\n` }, { name: 'opt/app/test/fixtures/.env', data: `TOKEN=${githubToken}\n` }]],
      { allowPaths: ['/usr/share/doc/**', '**/test/fixtures/**'] },
    );
    expect(hits).toEqual([]);
    expect(report.allowlisted).toBe(2);
  });

  it('skips a 10 MB binary file and counts it: oversize at the default cap, binary under a larger one', async () => {
    const blob = randomBytes(10 * 1024 * 1024);
    const layers = [[{ name: 'opt/app/model.bin', data: blob }, { name: 'opt/app/run.sh', data: `export TOKEN=${githubToken}\n` }]];
    const byDefault = await images.scan(layers);
    expect(byDefault.report).toMatchObject({ oversizeSkipped: 1, binarySkipped: 0, filesScanned: 1 });
    const larger = await images.scan(layers, { maxFileBytes: 32 * 1024 * 1024 });
    expect(larger.report).toMatchObject({ oversizeSkipped: 0, binarySkipped: 1, filesScanned: 1 });
    expect(larger.report.bytesScanned).toBeLessThan(1000);
    expect(larger.hits.map((hit) => hit.ruleId)).toEqual(['secret.github-pat']);
  });

  it('reports credential files by name, unless a content hit or a clean content already says more', async () => {
    const { hits } = await images.scan([
      [
        { name: 'root/.ssh/id_rsa', data: 'placeholder, the real key is mounted at run time\n' },
        { name: 'root/.ssh/id_ed25519', data: openSshKey.text },
        { name: 'root/.npmrc', data: '//registry.example/:_authToken=${NPM_TOKEN}\n' },
        { name: 'etc/ssl/certs/ca.pem', data: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n' },
        { name: 'etc/ssl/certs/leaked.pem', data: rsaKey.text },
        { name: 'app/keystore.p12', data: randomBytes(2048) },
        { name: 'app/empty.p12', data: '' },
      ],
    ]);
    expect(hits.map((hit) => [hit.evidence.path, hit.ruleId])).toEqual([
      ['/app/keystore.p12', 'secret.file-pkcs12'],
      ['/etc/ssl/certs/leaked.pem', 'secret.private-key'],
      ['/root/.ssh/id_ed25519', 'secret.openssh-private-key'],
      ['/root/.ssh/id_rsa', 'secret.file-id-rsa'],
    ]);
    expect(hitOf(hits, 'secret.private-key', '/etc/ssl/certs/leaked.pem')?.remediation).toContain('chmod 600');
    expect(hitOf(hits, 'secret.openssh-private-key', '/root/.ssh/id_ed25519')?.evidence.details).toMatchObject({ secretFingerprint: secretFingerprint(openSshKey.secret) });
  });

  it('produces hits that become valid findings of SECRET_RULES, and a report by rule', async () => {
    const { hits, report } = await images.scan([[{ name: 'app/.env', data: `GITHUB_TOKEN=${githubToken}\nAWS_ACCESS_KEY_ID=${awsKeyId}\n` }], [{ name: 'root/.git-credentials', data: 'https://x@git.example\n' }]]);
    const rules = new Map(SECRET_RULES.map((rule) => [rule.id, rule]));
    for (const hit of hits) {
      const rule = rules.get(hit.ruleId);
      expect(rule).toBeDefined();
      if (rule) expect(Finding.safeParse(findingOf(hit, rule, 0.9)).success).toBe(true);
    }
    expect(report.hitsByRule).toEqual({ 'secret.github-pat': 1, 'secret.aws-access-key-id': 1, 'secret.file-git-credentials': 1 });
    expect(report).toMatchObject({ filesScanned: 2, binarySkipped: 0, oversizeSkipped: 0, allowlisted: 0 });
  });
});
