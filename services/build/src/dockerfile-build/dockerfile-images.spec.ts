import { externalImages } from './dockerfile-images.js';
import { parseLocalReference } from './image-reference.js';

const refs = (dockerfile: string, args: Record<string, string> = {}) => externalImages(dockerfile, args).map((use) => use.reference);

describe('externalImages', () => {
  it('finds FROM bases, skipping scratch and earlier stages, with --platform and AS', () => {
    const dockerfile = [
      '# syntax comment',
      'FROM --platform=linux/amd64 dhi/base:1 AS build',
      'RUN make',
      'FROM build AS test',
      'FROM scratch',
      'COPY --from=build /out /out',
      'COPY --from=0 /x /x',
      'COPY --from=dhi/tools:2 /bin/tool /bin/tool',
      'RUN --mount=type=bind,from=dhi/cache:3,target=/c true',
    ].join('\n');
    expect(refs(dockerfile)).toEqual(['dhi/base:1', 'dhi/tools:2', 'dhi/cache:3']);
    expect(externalImages(dockerfile, {})[0]).toMatchObject({ instruction: 'FROM dhi/base:1', line: 2 });
  });

  it('expands global ARGs, build arguments overriding their defaults', () => {
    const dockerfile = 'ARG REPO=dhi/node\nARG VERSION=20\nFROM ${REPO}:$VERSION\nARG LATE=x\nFROM ${MISSING:-dhi/fallback}:1\n';
    expect(refs(dockerfile)).toEqual(['dhi/node:20', 'dhi/fallback:1']);
    expect(refs(dockerfile, { VERSION: '22' })).toEqual(['dhi/node:22', 'dhi/fallback:1']);
  });

  it('joins continuation lines, honours the escape directive and ignores comments inside instructions', () => {
    expect(refs('FROM \\\n  dhi/a:1 \\\n  AS a\n')).toEqual(['dhi/a:1']);
    expect(refs('# escape=`\nFROM `\n# a comment\n dhi/b:2\nRUN echo \\\n')).toEqual(['dhi/b:2']);
    expect(refs('from dhi/lower:1\n')).toEqual(['dhi/lower:1']);
  });
});

describe('parseLocalReference', () => {
  it('splits registry, path, tag and digest', () => {
    const digest = `sha256:${'a'.repeat(64)}`;
    expect(parseLocalReference('dhi/alpine:3.10')).toEqual({ domain: null, path: 'dhi/alpine', tag: '3.10', digest: null });
    expect(parseLocalReference(`dhi/alpine@${digest}`)).toEqual({ domain: null, path: 'dhi/alpine', tag: null, digest });
    expect(parseLocalReference('127.0.0.1:5000/team/app:1')).toEqual({ domain: '127.0.0.1:5000', path: 'team/app', tag: '1', digest: null });
    expect(parseLocalReference('localhost/app')).toMatchObject({ domain: 'localhost', path: 'app' });
    expect(parseLocalReference('UPPER/case')).toBeNull();
    expect(parseLocalReference('app@sha256:short')).toBeNull();
    expect(parseLocalReference('')).toBeNull();
  });
});
