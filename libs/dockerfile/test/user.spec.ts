import { DOCKERFILE_RULE_IDS as ID } from '../src/index.js';
import { dockerfile, expectPatchFixes, hitsOf } from './support/patch-check.js';

describe('dockerfile.user-root (DL3002 for the final image)', () => {
  it.each(['root', '0', 'root:root', '0:0'])('fires on a final USER %s, with its line', (user) => {
    const text = dockerfile('FROM scratch', 'COPY app /app', `USER ${user}`);
    const [hit] = hitsOf(text, ID.userRoot);
    expect(hit.evidence).toMatchObject({ path: 'Dockerfile', line: 3, details: { instruction: 'USER', user } });
  });

  it('does not fire on a non-root user or after switching back', () => {
    expect(hitsOf(dockerfile('FROM scratch', 'USER foo'), ID.userRoot)).toEqual([]);
    expect(hitsOf(dockerfile('FROM debian:12', 'USER root', 'RUN something', 'USER foo'), ID.userRoot)).toEqual([]);
  });

  it('fires when the final stage inherits root from the stage it builds on', () => {
    const text = dockerfile('FROM debian:12 AS base', 'USER root', 'RUN something', 'FROM base', 'RUN something else');
    const [hit] = hitsOf(text, ID.userRoot);
    expect(hit.evidence).toMatchObject({ line: 2, details: { inherited: true } });
    const patched = expectPatchFixes(text, ID.userRoot);
    expect(patched.trimEnd().split('\n').pop()).toBe('USER 65532:65532');
  });

  it('counts only the image that ships: a build stage ending as root does not fire', () => {
    // Hadolint flags every stage whose last USER is root; only the final image's user matters for the container.
    const text = dockerfile('FROM debian:12 AS build', 'USER root', 'RUN make', 'FROM scratch', 'COPY --from=build /out /app', 'USER 10001');
    expect(hitsOf(text, ID.userRoot)).toEqual([]);
    expect(hitsOf(text, ID.userMissing)).toEqual([]);
  });

  it('reads USER through ARG and ENV', () => {
    expect(hitsOf(dockerfile('FROM debian:12', 'ARG RUN_AS=root', 'USER ${RUN_AS}'), ID.userRoot)).toHaveLength(1);
    expect(hitsOf(dockerfile('FROM debian:12', 'ENV RUN_AS=app', 'USER $RUN_AS'), ID.userRoot)).toEqual([]);
  });

  it('replaces a final USER root that no RUN follows', () => {
    const text = dockerfile('FROM debian:12', 'COPY app /app', 'USER root', 'ENTRYPOINT ["/app"]');
    const patched = expectPatchFixes(text, ID.userRoot);
    expect(patched).toBe(dockerfile('FROM debian:12', 'COPY app /app', 'USER 65532:65532', 'ENTRYPOINT ["/app"]'));
  });

  it('appends a USER when RUNs after USER root still need root, and uses the user the Dockerfile creates', () => {
    const text = dockerfile('FROM debian:12', 'RUN useradd --uid 10001 -m -s /bin/sh app', 'USER root', 'RUN apt-get update', 'CMD ["/app"]');
    const patched = expectPatchFixes(text, ID.userRoot);
    expect(patched).toBe(`${text}USER app\n`);
  });
});

describe('dockerfile.user-missing', () => {
  it('fires at the final FROM when no stage of the final image sets a USER', () => {
    const text = dockerfile('FROM golang:1.22 AS build', 'USER builder', 'FROM debian:12', 'COPY --from=build /out /app');
    const [hit] = hitsOf(text, ID.userMissing);
    expect(hit.evidence).toMatchObject({ line: 3, details: { instruction: 'FROM', suggestedUser: '65532:65532' } });
    expect(expectPatchFixes(text, ID.userMissing)).toBe(`${text}USER 65532:65532\n`);
  });

  it('suggests the user created with adduser in the final image, and keeps a missing final newline', () => {
    const text = 'FROM alpine:3.20\nRUN addgroup -S app && adduser -S -G app -h /home/app app\nCMD ["/app"]';
    const [hit] = hitsOf(text, ID.userMissing);
    expect(hit.evidence.details).toMatchObject({ suggestedUser: 'app' });
    expect(expectPatchFixes(text, ID.userMissing)).toBe(`${text}\nUSER app`);
  });

  it('does not fire when a base stage of the final image sets the user', () => {
    expect(hitsOf(dockerfile('FROM debian:12 AS base', 'USER 10001', 'FROM base', 'CMD ["x"]'), ID.userMissing)).toEqual([]);
  });
});
