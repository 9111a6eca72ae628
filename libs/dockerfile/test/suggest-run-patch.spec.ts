import { checkDockerfile, DOCKERFILE_RULE_IDS as ID, suggestRunPatch } from '../src/index.js';
import { applyWithGnuPatch, dockerfile } from './support/patch-check.js';

describe('suggestRunPatch', () => {
  it('runs the command as root and restores the final non-root USER', () => {
    const text = dockerfile('FROM debian:12 AS base', 'USER app', 'FROM base', 'CMD ["/app"]');
    const result = suggestRunPatch(text, 'chmod u-s /usr/bin/newgrp');
    expect(result).toHaveProperty('patch');
    const patched = applyWithGnuPatch(text, (result as { patch: string }).patch);
    expect(patched).toBe(`${text}USER root\nRUN chmod u-s /usr/bin/newgrp\nUSER app\n`);
    const ids = checkDockerfile(patched).hits.map((h) => h.ruleId);
    expect(ids).not.toContain(ID.userRoot);
    expect(ids).not.toContain(ID.userMissing);
  });

  it('adds only the RUN when the final image already runs as root', () => {
    const text = dockerfile('FROM debian:12', 'CMD ["/app"]');
    const { patch } = suggestRunPatch(text, 'chmod g-s /usr/bin/expiry', { path: 'build/Dockerfile' }) as { patch: string };
    expect(patch.startsWith('--- a/build/Dockerfile\n')).toBe(true);
    expect(applyWithGnuPatch(text, patch, 'build/Dockerfile')).toBe(`${text}RUN chmod g-s /usr/bin/expiry\n`);
  });

  it('refuses a multi-line command and an unusable Dockerfile', () => {
    expect(suggestRunPatch(dockerfile('FROM debian:12'), 'a\nb')).toMatchObject({ error: { code: 'unparseable' } });
    expect(suggestRunPatch('RUN x\n', 'chmod u-s /x')).toMatchObject({ error: { code: 'no_from' } });
  });
});
