import { DOCKERFILE_RULE_IDS as ID } from '../src/index.js';
import { dockerfile, expectPatchFixes, hitsOf } from './support/patch-check.js';

const run = (...lines: string[]): string => dockerfile('FROM debian:12', ...lines);

describe('dockerfile.apt-no-install-recommends (DL3015)', () => {
  it.each(['RUN apt-get install python', 'RUN apt-get -y install python', 'RUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y python'])('fires on %s', (line) => {
    expect(hitsOf(run(line), ID.aptNoInstallRecommends)).toHaveLength(1);
  });

  it.each([
    'RUN apt-get install --no-install-recommends python',
    'RUN apt-get -o APT::Install-Recommends=false install python',
    'RUN apt install python',
    'RUN apt-get update',
  ])('does not fire on %s', (line) => {
    expect(hitsOf(run(line), ID.aptNoInstallRecommends)).toEqual([]);
  });

  it('adds the flag right after install, keeping continuations and indentation', () => {
    const text = run('RUN apt-get update && \\', '    apt-get install -y \\', '      curl \\', '      git');
    expect(expectPatchFixes(text, ID.aptNoInstallRecommends)).toBe(
      run('RUN apt-get update && \\', '    apt-get install --no-install-recommends -y \\', '      curl \\', '      git'),
    );
  });

  it('fixes every apt-get install of the RUN in one patch', () => {
    const text = run('RUN apt-get install -y a && apt-get install -y b');
    expect(expectPatchFixes(text, ID.aptNoInstallRecommends)).toBe(run('RUN apt-get install --no-install-recommends -y a && apt-get install --no-install-recommends -y b'));
  });

  it('patches inside a here-document and an ONBUILD RUN', () => {
    const heredoc = run('RUN <<EOF', 'set -e', 'apt-get update', 'apt-get install -y curl', 'EOF', 'USER 1000');
    expect(hitsOf(heredoc, ID.aptNoInstallRecommends)[0].evidence.line).toBe(2);
    expect(expectPatchFixes(heredoc, ID.aptNoInstallRecommends)).toContain('\napt-get install --no-install-recommends -y curl\nEOF\n');
    const onbuild = run('ONBUILD RUN apt-get install -y curl');
    expect(expectPatchFixes(onbuild, ID.aptNoInstallRecommends)).toBe(run('ONBUILD RUN apt-get install --no-install-recommends -y curl'));
  });

  it('reports the exec form without a patch', () => {
    const [hit] = hitsOf(run('RUN ["apt-get", "install", "-y", "curl"]'), ID.aptNoInstallRecommends);
    expect(hit.patch).toBeNull();
  });
});

describe('dockerfile.apt-unpinned (DL3008, info)', () => {
  it('lists the packages without a version', () => {
    const [hit] = hitsOf(run('RUN apt-get install -y --no-install-recommends -t bookworm-backports python=3.11 curl ./local.deb git'), ID.aptUnpinned);
    expect(hit.evidence.details).toMatchObject({ packages: 'curl git' });
  });

  it('is quiet when every package is pinned, a file or a release path', () => {
    expect(hitsOf(run('RUN apt-get install -y python=3.11.2-1 ./x.deb foo/bookworm'), ID.aptUnpinned)).toEqual([]);
  });
});

describe('dockerfile.apt-lists-not-removed (DL3009)', () => {
  it.each(['apt-get', 'apt', 'aptitude'])('fires on %s update without removing the lists', (apt) => {
    expect(hitsOf(dockerfile('FROM scratch', `RUN ${apt} update && ${apt} install python`), ID.aptListsNotRemoved)).toHaveLength(1);
  });

  it('is satisfied by rm -rf /var/lib/apt/lists/* in the same RUN', () => {
    expect(hitsOf(run('RUN apt-get update && apt-get install python && rm -rf /var/lib/apt/lists/*'), ID.aptListsNotRemoved)).toEqual([]);
  });

  it('only counts stages that ship: the last one and those another stage builds on', () => {
    const unused = dockerfile('FROM ubuntu:24.04 as foo', 'RUN apt-get update && apt-get install python', 'FROM scratch', 'RUN echo hey!');
    expect(hitsOf(unused, ID.aptListsNotRemoved)).toEqual([]);
    const last = dockerfile('FROM ubuntu:24.04 as foo', 'RUN hey!', 'FROM scratch', 'RUN apt-get update && apt-get install python');
    expect(hitsOf(last, ID.aptListsNotRemoved)[0].evidence.line).toBe(4);
    const base = dockerfile('FROM ubuntu:24.04 as foo', 'RUN apt-get update && apt-get install python', 'FROM foo', 'RUN hey!');
    expect(hitsOf(base, ID.aptListsNotRemoved)[0].evidence.line).toBe(2);
  });

  it('accepts BuildKit cache or tmpfs mounts of the apt directories as Hadolint does', () => {
    expect(hitsOf(run('RUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install python'), ID.aptListsNotRemoved)).toEqual([]);
    expect(hitsOf(run('RUN --mount=type=cache,target=/var/lib/apt \\', '    --mount=type=tmpfs,target=/var/cache/apt \\', '    apt-get update && apt-get install python'), ID.aptListsNotRemoved)).toEqual([]);
    expect(hitsOf(run('RUN --mount=type=cache,target=/var/cache/apt apt-get update && apt-get install python'), ID.aptListsNotRemoved)).toHaveLength(1);
  });

  it('appends the cleanup to the RUN, before a trailing comment and after a continuation', () => {
    const text = run('RUN apt-get update \\', '  && apt-get install -y --no-install-recommends curl # tools');
    expect(expectPatchFixes(text, ID.aptListsNotRemoved)).toBe(run('RUN apt-get update \\', '  && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* # tools'));
  });

  it('adds the cleanup as the last line of a here-document script', () => {
    const text = run('RUN <<EOT', 'apt-get update', 'apt-get install -y curl', 'EOT', 'USER 1000');
    expect(expectPatchFixes(text, ID.aptListsNotRemoved)).toBe(run('RUN <<EOT', 'apt-get update', 'apt-get install -y curl', 'rm -rf /var/lib/apt/lists/*', 'EOT', 'USER 1000'));
  });

  it('does not patch an update alone, which a later RUN installs from, but says what to do', () => {
    const [hit] = hitsOf(run('RUN apt-get update', 'RUN apt-get install -y curl'), ID.aptListsNotRemoved);
    expect(hit.evidence.line).toBe(2);
    expect(hit.patch).toBeNull();
    expect(hit.remediation).toContain('same RUN');
  });

  it('leaves a RUN ending in a dangling operator unpatched', () => {
    // `apt-get install x &` backgrounds the install: appending `&& rm …` would race it.
    expect(hitsOf(run('RUN apt-get update && apt-get install -y x &'), ID.aptListsNotRemoved)[0].patch).toBeNull();
  });
});
