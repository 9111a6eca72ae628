import { DOCKERFILE_RULE_IDS as ID } from '../src/index.js';
import { dockerfile, hitsOf } from './support/patch-check.js';

describe('dockerfile.healthcheck-missing (DL3057)', () => {
  it('fires at the final FROM when the final image has no HEALTHCHECK', () => {
    const text = dockerfile('FROM debian:12 AS build', 'HEALTHCHECK CMD true', 'FROM scratch', 'COPY --from=build /x /x');
    expect(hitsOf(text, ID.healthcheckMissing).map((h) => h.evidence.line)).toEqual([3]);
  });

  it('is satisfied by a HEALTHCHECK in the final stage or a stage it builds on', () => {
    expect(hitsOf(dockerfile('FROM debian:12', 'HEALTHCHECK --interval=30s CMD ["/app", "health"]'), ID.healthcheckMissing)).toEqual([]);
    expect(hitsOf(dockerfile('FROM debian:12 AS base', 'HEALTHCHECK CMD true', 'FROM base', 'RUN x'), ID.healthcheckMissing)).toEqual([]);
  });

  it('fires on HEALTHCHECK NONE, at that line', () => {
    const [hit] = hitsOf(dockerfile('FROM debian:12', 'HEALTHCHECK NONE'), ID.healthcheckMissing);
    expect(hit.evidence).toMatchObject({ line: 2, details: { disabled: true } });
  });
});

describe('dockerfile.expose-ssh', () => {
  it.each(['EXPOSE 22', 'EXPOSE 22/tcp', 'EXPOSE 8080 22', 'EXPOSE ${SSH_PORT}'])('fires on %s', (line) => {
    const [hit] = hitsOf(dockerfile('FROM debian:12', 'ARG SSH_PORT=22', line), ID.exposeSsh);
    expect(hit.evidence).toMatchObject({ line: 3, details: { port: expect.stringMatching(/^22/) } });
  });

  it.each(['EXPOSE 2222', 'EXPOSE 22/udp', 'EXPOSE 8022'])('does not fire on %s', (line) => {
    expect(hitsOf(dockerfile('FROM debian:12', line), ID.exposeSsh)).toEqual([]);
  });

  it('ignores build stages the final image does not build on', () => {
    expect(hitsOf(dockerfile('FROM debian:12 AS test', 'EXPOSE 22', 'FROM debian:12', 'EXPOSE 80'), ID.exposeSsh)).toEqual([]);
  });
});
