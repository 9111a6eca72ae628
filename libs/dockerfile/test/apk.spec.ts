import { DOCKERFILE_RULE_IDS as ID } from '../src/index.js';
import { dockerfile, expectPatchFixes, hitsOf } from './support/patch-check.js';

const run = (...lines: string[]): string => dockerfile('FROM alpine:3.20', ...lines);

describe('dockerfile.apk-no-cache (DL3019)', () => {
  it('fires on apk add without --no-cache and patches it', () => {
    const text = run('RUN apk add flex=2.6.4-r1');
    expect(hitsOf(text, ID.apkNoCache)[0].evidence).toMatchObject({ line: 2, details: { instruction: 'RUN' } });
    expect(expectPatchFixes(text, ID.apkNoCache)).toBe(run('RUN apk add --no-cache flex=2.6.4-r1'));
  });

  it.each([
    'RUN apk add --no-cache flex=2.6.4-r1',
    'RUN --mount=type=cache,target=/var/cache/apk apk add -U curl=7.77.0',
    'RUN --mount=type=tmpfs,target=/var/cache/apk apk add -U curl=7.77.0',
    'RUN --mount=type=cache,target=/var/cache/foo apk add --no-cache -U curl=7.77.0',
    'RUN apk update',
  ])('does not fire on %s', (line) => {
    expect(hitsOf(run(line), ID.apkNoCache)).toEqual([]);
  });

  it('fires with a cache mount somewhere else', () => {
    expect(hitsOf(run('RUN --mount=type=cache,target=/var/cache/foo apk add -U curl=7.77.0'), ID.apkNoCache)).toHaveLength(1);
  });

  it('patches every apk add of a continued RUN', () => {
    const text = run('RUN apk add --virtual .build gcc=13.2.1-r0 \\', ' && apk add musl-dev=1.2.5-r0');
    expect(expectPatchFixes(text, ID.apkNoCache)).toBe(run('RUN apk add --no-cache --virtual .build gcc=13.2.1-r0 \\', ' && apk add --no-cache musl-dev=1.2.5-r0'));
  });
});

describe('dockerfile.apk-unpinned (DL3018, info)', () => {
  it('lists the packages without a version', () => {
    const [hit] = hitsOf(run('RUN apk add --no-cache --virtual .build-deps -X https://mirror.example/v3.20/main curl git=2.45.2-r0 musl~1.2'), ID.apkUnpinned);
    expect(hit.evidence.details).toMatchObject({ packages: 'curl' });
  });

  it('is quiet when every package is pinned or a file', () => {
    expect(hitsOf(run('RUN apk add --no-cache curl=8.9.0-r0 "openssl>3.3" ./local.apk'), ID.apkUnpinned)).toEqual([]);
  });
});
