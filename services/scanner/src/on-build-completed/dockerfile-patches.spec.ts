import { type CheckHit } from '@dhi/checks';
import { applyUnifiedDiff } from '@dhi/dockerfile';
import { resolvePatches } from './dockerfile-patches.js';

const hit = (patch: string | null): CheckHit => ({ ruleId: 'permission.setuid-unexpected', key: ['/usr/bin/x'], title: 't', evidence: {}, patch });
const DOCKERFILE = 'FROM debian:12\nRUN apt-get update\nUSER 1000\n';

describe('resolvePatches', () => {
  it('turns a RUN line into a diff that applies to the Dockerfile and keeps the final user', () => {
    const [resolved] = resolvePatches([hit('RUN chmod u-s /usr/bin/x')], { text: DOCKERFILE, path: 'Dockerfile' });
    const applied = applyUnifiedDiff(DOCKERFILE, resolved!.patch!);
    if (!applied.ok) throw new Error(applied.message);
    expect(applied.text).toContain('chmod u-s /usr/bin/x');
    expect(applied.text.trim().split('\n').at(-1)).toBe('USER 1000');
  });

  it('appends other instruction lines, and drops a diff that does not apply', () => {
    const [label, stale] = resolvePatches([hit('LABEL org.opencontainers.image.source="https://git.example/app"'), hit('--- a/Dockerfile\n+++ b/Dockerfile\n@@ -1,1 +1,1 @@\n-FROM alpine\n+FROM alpine@sha256:0\n')], {
      text: DOCKERFILE,
      path: 'Dockerfile',
    });
    const applied = applyUnifiedDiff(DOCKERFILE, label!.patch!);
    expect(applied).toEqual({ ok: true, text: `${DOCKERFILE}LABEL org.opencontainers.image.source="https://git.example/app"\n` });
    expect(stale!.patch).toBeNull();
  });

  it('keeps instruction lines as suggestions without a Dockerfile, and never a diff against nothing', () => {
    const [line, diff] = resolvePatches([hit('RUN chmod u-s /usr/bin/x'), hit('--- a/Dockerfile\n+++ b/Dockerfile\n')], null);
    expect(line!.patch).toBe('RUN chmod u-s /usr/bin/x');
    expect(diff!.patch).toBeNull();
  });
});
