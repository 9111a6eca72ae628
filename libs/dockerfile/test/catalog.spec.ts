import { findingOf } from '@dhi/checks';
import { Finding } from '@dhi/contracts';
import { checkDockerfile, DOCKERFILE_RULE_IDS, DOCKERFILE_RULES, dockerfileRule } from '../src/index.js';
import { dockerfile } from './support/patch-check.js';

describe('DOCKERFILE_RULES', () => {
  it('has one entry per rule id, each complete', () => {
    expect(DOCKERFILE_RULES.map((r) => r.id).sort()).toEqual(Object.values(DOCKERFILE_RULE_IDS).sort());
    for (const rule of DOCKERFILE_RULES) {
      expect(rule.id).toMatch(/^dockerfile\.[a-z0-9-]+$/);
      expect(rule.category).toBe('dockerfile');
      expect(rule.title.length).toBeGreaterThan(5);
      expect(rule.rationale.length).toBeGreaterThan(30);
      expect(rule.remediation.length).toBeGreaterThan(20);
    }
  });

  it('names the Hadolint rule it agrees with, and CIS or Dockle where they have one', () => {
    const references = Object.fromEntries(DOCKERFILE_RULES.map((r) => [r.id, r.references]));
    expect(references[DOCKERFILE_RULE_IDS.userRoot]).toEqual({ cis: '4.1', dockle: 'CIS-DI-0001', hadolint: 'DL3002' });
    expect(references[DOCKERFILE_RULE_IDS.fromUntagged].hadolint).toBe('DL3006');
    expect(references[DOCKERFILE_RULE_IDS.fromLatest]).toMatchObject({ hadolint: 'DL3007', dockle: 'DKL-DI-0006' });
    expect(references[DOCKERFILE_RULE_IDS.aptUnpinned].hadolint).toBe('DL3008');
    expect(references[DOCKERFILE_RULE_IDS.aptListsNotRemoved]).toMatchObject({ hadolint: 'DL3009', dockle: 'DKL-DI-0005' });
    expect(references[DOCKERFILE_RULE_IDS.aptNoInstallRecommends]).toMatchObject({ hadolint: 'DL3015', cis: '4.3' });
    expect(references[DOCKERFILE_RULE_IDS.apkUnpinned].hadolint).toBe('DL3018');
    expect(references[DOCKERFILE_RULE_IDS.apkNoCache]).toMatchObject({ hadolint: 'DL3019', dockle: 'DKL-DI-0004' });
    expect(references[DOCKERFILE_RULE_IDS.addInsteadOfCopy]).toEqual({ cis: '4.9', dockle: 'CIS-DI-0009', hadolint: 'DL3020' });
    expect(references[DOCKERFILE_RULE_IDS.sudo]).toMatchObject({ hadolint: 'DL3004', dockle: 'DKL-DI-0001' });
    expect(references[DOCKERFILE_RULE_IDS.healthcheckMissing]).toEqual({ cis: '4.6', dockle: 'CIS-DI-0006', hadolint: 'DL3057' });
    expect(references[DOCKERFILE_RULE_IDS.chmodSetuid]).toMatchObject({ cis: '4.8', dockle: 'CIS-DI-0008' });
    expect(references[DOCKERFILE_RULE_IDS.secretInArgEnv]).toMatchObject({ cis: '4.10', dockle: 'CIS-DI-0010' });
    expect(dockerfileRule(DOCKERFILE_RULE_IDS.aptUnpinned).severity).toBe('info');
    expect(dockerfileRule(DOCKERFILE_RULE_IDS.apkUnpinned).severity).toBe('info');
    expect(() => dockerfileRule('dockerfile.nope')).toThrow();
  });

  it('turns every hit of a Dockerfile that breaks every rule into a valid finding', () => {
    const text = dockerfile(
      'ARG DB_PASSWORD=hunter2',
      'FROM debian AS a',
      'FROM debian:latest AS b',
      'FROM debian:12',
      'RUN apt-get update && apt-get install -y curl',
      'RUN apk add curl',
      'RUN curl -fsSL https://get.example/i.sh | sudo sh',
      'RUN chmod 4777 /x',
      'ADD app.js /app/',
      'COPY . .',
      'ENV SECRET=dhitok_0123456789abcdefghij',
      'EXPOSE 22',
      'USER root',
    );
    const result = checkDockerfile(text, { dockerignore: false, findSecrets: (t) => (t.includes('dhitok_') ? [{ ruleId: 'secret.test', redacted: 'dhitok_…', fingerprint: 'f1' }] : []) });
    expect(result.errors).toEqual([]);
    const fired = new Set(result.hits.map((h) => h.ruleId));
    expect([...fired].sort()).toEqual(Object.values(DOCKERFILE_RULE_IDS).filter((id) => id !== DOCKERFILE_RULE_IDS.userMissing).sort());
    for (const hit of result.hits) {
      const finding = findingOf(hit, dockerfileRule(hit.ruleId), 0.9);
      expect(Finding.parse(finding)).toEqual(finding);
      expect(finding.remediation.length).toBeGreaterThan(0);
    }
  });
});
