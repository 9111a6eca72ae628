import { checkImageConfig, type CheckHit } from '../src/index.js';
import { configOf, findSecrets, hitsOf } from './support/fixtures.js';

// AWS's documented example key id and a GitHub token of the right shape: fake, but in the real formats
const AWS_KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
const GITHUB_TOKEN = `ghp_${'a1B2c3D4e5'.repeat(3)}abcdef`;
const layers = [{ digest: `sha256:${'1'.repeat(64)}` }, { digest: `sha256:${'2'.repeat(64)}` }];

const run = (config: Record<string, unknown>, history: { created_by: string; empty_layer?: boolean }[] = []): CheckHit[] =>
  checkImageConfig({ config: configOf({ User: '65532', ...config }, history), fs: null, runtimeVariant: false, findSecrets, layers });

const everyText = (hits: CheckHit[]): string => JSON.stringify(hits);

describe('secrets in ENV, labels and history', () => {
  it('reports what the secret detector finds, redacted, never the value', () => {
    const hits = run(
      { Env: ['PATH=/usr/bin', `AWS_ACCESS_KEY_ID=${AWS_KEY_ID}`], Labels: { 'ci.token': GITHUB_TOKEN } },
      [
        { created_by: '/bin/sh -c #(nop) ADD file:0c45 in / ' },
        { created_by: `/bin/sh -c #(nop) ENV AWS_ACCESS_KEY_ID=${AWS_KEY_ID}`, empty_layer: true },
        { created_by: `|1 GH=${GITHUB_TOKEN.replace('a1', 'z9')} /bin/sh -c ./fetch.sh` },
      ],
    );
    expect(hitsOf(hits, 'config.secret-in-env')).toEqual([
      expect.objectContaining({ title: 'Secret (secret.aws-access-key-id) in ENV AWS_ACCESS_KEY_ID', evidence: { path: null, details: expect.objectContaining({ key: 'Env', variable: 'AWS_ACCESS_KEY_ID', redacted: 'AKIA…', secretRule: 'secret.aws-access-key-id' }) } }),
    ]);
    expect(hitsOf(hits, 'config.secret-in-label').map((hit) => hit.evidence.details)).toEqual([expect.objectContaining({ key: 'Labels', label: 'ci.token', redacted: 'ghp_…' })]);
    // the ENV step repeats the ENV secret: one finding; the build argument's token is a different secret
    const history = hitsOf(hits, 'config.secret-in-history');
    expect(history).toHaveLength(1);
    expect(history[0].evidence).toMatchObject({ layerDigest: layers[1].digest, details: { key: 'history[2]' } });
    expect(everyText(hits)).not.toContain(AWS_KEY_ID);
    expect(everyText(hits)).not.toContain(GITHUB_TOKEN.slice(4));
  });

  it('keys a secret by its fingerprint, not by where the history puts it', () => {
    const first = run({}, [{ created_by: `|1 T=${GITHUB_TOKEN} /bin/sh -c make` }]);
    const later = run({}, [{ created_by: '/bin/sh -c #(nop) WORKDIR /src', empty_layer: true }, { created_by: `|1 T=${GITHUB_TOKEN} /bin/sh -c make` }]);
    expect(hitsOf(first, 'config.secret-in-history')[0].key).toEqual(hitsOf(later, 'config.secret-in-history')[0].key);
  });

  it('reports nothing where the detector finds nothing', () => {
    const hits = run({ Env: ['PATH=/usr/local/bin:/usr/bin', 'GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D'], Labels: { maintainer: 'team@example.test' } }, [
      { created_by: '/bin/sh -c apt-get update && apt-get install -y curl' },
    ]);
    expect(hits.filter((hit) => hit.ruleId.startsWith('config.secret') || hit.ruleId === 'config.credential-variable')).toEqual([]);
  });
});

describe('credential-named variables', () => {
  it('reports literal values of password, token and secret variables in ENV and build arguments', () => {
    const hits = hitsOf(
      run({ Env: ['DB_PASSWORD=hunter2', 'API_TOKEN=s3cr3t-value', 'SECRET_KEY_BASE=abcdef0123'] }, [
        { created_by: '|2 NPM_TOKEN=npm_abc123 VERSION=1.2 /bin/sh -c npm ci' },
        { created_by: '|2 NPM_TOKEN=npm_abc123 VERSION=1.2 /bin/sh -c npm run build' },
      ]),
      'config.credential-variable',
    );
    expect(hits.map((hit) => [hit.key, hit.evidence.details?.key])).toEqual([
      [['Env', 'DB_PASSWORD'], 'Env'],
      [['Env', 'API_TOKEN'], 'Env'],
      [['Env', 'SECRET_KEY_BASE'], 'Env'],
      [['build-arg', 'NPM_TOKEN'], 'history[0]'],
    ]);
    expect(hits[0].evidence.details).toEqual({ key: 'Env', variable: 'DB_PASSWORD', valueLength: 7 });
    expect(everyText(hits)).not.toContain('hunter2');
  });

  it('accepts placeholders, references, paths, other names and values the detector already reported', () => {
    const hits = run({
      Env: ['DB_PASSWORD=', 'DB_PASSWORD_FILE=/run/secrets/db', 'API_TOKEN=${API_TOKEN}', 'ADMIN_PASSWORD=<set me>', 'REDIS_PASSWORD=********', 'PWD=/app', 'PASSWORD_MIN_LENGTH=12', 'SECRET=none', `GITHUB_TOKEN=${GITHUB_TOKEN}`],
    });
    expect(hitsOf(hits, 'config.credential-variable')).toEqual([]);
    expect(hitsOf(hits, 'config.secret-in-env')).toHaveLength(1);
  });
});
