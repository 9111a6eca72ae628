import { createHash } from 'node:crypto';
import { type CheckDockerfileOptions, DOCKERFILE_RULE_IDS as ID } from '../src/index.js';
import { dockerfile, hitsOf } from './support/patch-check.js';

/** A stand-in detector that knows one made-up token format, as the real one knows many. */
const TOKEN = /dhitok_[a-z0-9]{20}/g;
const findSecrets: CheckDockerfileOptions['findSecrets'] = (text) =>
  [...text.matchAll(TOKEN)].map(([value]) => ({
    ruleId: 'secret.dhi-test-token',
    redacted: `${value.slice(0, 7)}…`,
    fingerprint: createHash('sha256').update(value).digest('hex').slice(0, 16),
  }));
const token = 'dhitok_0123456789abcdefghij';

describe('dockerfile.secret-in-arg-env', () => {
  it('reports what the detector finds in ENV and ARG, redacted', () => {
    const text = dockerfile('ARG GH=' + token, 'FROM debian:12', `ENV CLIENT_CONFIG="endpoint=api.example;key=${token}"`);
    const hits = hitsOf(text, ID.secretInArgEnv, { findSecrets });
    expect(hits.map((h) => h.evidence.line)).toEqual([1, 3]);
    expect(hits[1].evidence.details).toMatchObject({ instruction: 'ENV', name: 'CLIENT_CONFIG', detector: 'secret.dhi-test-token', redacted: 'dhitok_…' });
    for (const hit of hits) expect(JSON.stringify(hit)).not.toContain(token);
  });

  it('reports the detector finding only, not also the name heuristic', () => {
    const hits = checkAll(dockerfile('FROM debian:12', `ENV API_TOKEN=${token}`));
    expect(hits.map((h) => h.ruleId)).toEqual([ID.secretInArgEnv]);
  });

  it('finds nothing without a detector match', () => {
    expect(hitsOf(dockerfile('FROM debian:12', 'ENV CONFIG=dhitok_short'), ID.secretInArgEnv, { findSecrets })).toEqual([]);
  });
});

describe('dockerfile.secret-named-arg-env', () => {
  it.each([
    ['ARG DB_PASSWORD=hunter2', 'hunter2'],
    ['ENV API_KEY="sk-12345"', 'sk-12345'],
    ['ENV GITHUB_TOKEN ghs-legacy-form-value', 'ghs-legacy-form-value'],
    ['ENV A=1 CLIENT_SECRET=s3cr3t-value', 's3cr3t-value'],
  ])('fires on %s without showing the value', (line, value) => {
    const [hit] = hitsOf(dockerfile('FROM debian:12', line), ID.secretNamedArgEnv);
    expect(hit.evidence.line).toBe(2);
    expect(hit.evidence.details).toMatchObject({ redacted: '********', fingerprint: expect.stringMatching(/^sha256:[0-9a-f]{16}$/) });
    expect(JSON.stringify(hit)).not.toContain(value);
  });

  it.each([
    'ARG DB_PASSWORD',
    'ENV PASSWORD=""',
    'ENV TOKEN_FILE=/run/secrets/token',
    'ENV API_KEY=${API_KEY}',
    'ENV SECRET_ENABLED=true',
    'ENV AWS_ACCESS_KEY_ID=AKIA-not-a-secret-by-itself',
    'ENV PASSWORD_PATH=/etc/app/pw',
    'ENV LOG_LEVEL=debug',
  ])('does not fire on %s', (line) => {
    expect(hitsOf(dockerfile('FROM debian:12', line), ID.secretNamedArgEnv)).toEqual([]);
  });

  it('keeps the same key when the line moves, and a different one when the value changes', () => {
    const [a] = hitsOf(dockerfile('FROM debian:12', 'ENV DB_PASSWORD=one'), ID.secretNamedArgEnv);
    const [b] = hitsOf(dockerfile('FROM debian:12', 'RUN true', 'ENV DB_PASSWORD=one'), ID.secretNamedArgEnv);
    const [c] = hitsOf(dockerfile('FROM debian:12', 'ENV DB_PASSWORD=two'), ID.secretNamedArgEnv);
    expect(a.key).toEqual(b.key);
    expect(a.key).not.toEqual(c.key);
  });
});

function checkAll(text: string): ReturnType<typeof hitsOf> {
  return [ID.secretInArgEnv, ID.secretNamedArgEnv].flatMap((id) => hitsOf(text, id, { findSecrets }));
}
