import { DOCKERFILE_RULE_IDS as ID } from '../src/index.js';
import { dockerfile, expectPatchFixes, hitsOf } from './support/patch-check.js';

const image = (...lines: string[]): string => dockerfile('FROM debian:12', ...lines);

describe('dockerfile.add-instead-of-copy (DL3020)', () => {
  it.each([
    'ADD file.tar /usr/src/app/',
    'ADD file.gz /usr/src/app/',
    'ADD file.bz2 /usr/src/app/',
    'ADD file.xz /usr/src/app/',
    'ADD file.tgz /usr/src/app/',
    'ADD "file.tgz" /usr/src/app/',
    'ADD http://file.example /usr/src/app/',
    'ADD "http://file.example" /usr/src/app/',
    'ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://get.example/tool /usr/local/bin/tool',
    'ADD git@git.example:team/repo.git /src',
    'ADD ["rootfs.tar.xz", "/"]',
  ])('does not fire on %s', (line) => {
    expect(hitsOf(image(line), ID.addInsteadOfCopy)).toEqual([]);
  });

  it.each(['ADD file /usr/src/app/', 'ADD file.zip /usr/src/app/', 'ADD "file.zip" /usr/src/app/', 'ADD ["app.js", "/app/"]'])('fires on %s and patches it to COPY', (line) => {
    expect(expectPatchFixes(image(line), ID.addInsteadOfCopy)).toBe(image(line.replace('ADD', 'COPY')));
  });

  it('keeps flags, continuations and the keyword case', () => {
    const text = image('add --chown=10001:10001 \\', '    src/ /app/src/');
    expect(expectPatchFixes(text, ID.addInsteadOfCopy)).toBe(image('copy --chown=10001:10001 \\', '    src/ /app/src/'));
  });

  it('reports an ADD that mixes an archive and a file without a patch: COPY would stop unpacking the archive', () => {
    const [hit] = hitsOf(image('ADD vendor.tar.gz config.yml /app/'), ID.addInsteadOfCopy);
    expect(hit.patch).toBeNull();
  });
});

describe('dockerfile.copy-context-without-dockerignore', () => {
  it.each(['COPY . .', 'COPY ./ /app/', 'ADD . /src', 'COPY --chown=app * /app/', 'COPY [".", "/app"]'])('fires on %s when the context has no .dockerignore', (line) => {
    const [hit] = hitsOf(image(line), ID.copyContextWithoutDockerignore, { dockerignore: false });
    expect(hit.evidence.line).toBe(2);
  });

  it('does not fire with a .dockerignore, when that is unknown, or for other sources', () => {
    expect(hitsOf(image('COPY . .'), ID.copyContextWithoutDockerignore, { dockerignore: true })).toEqual([]);
    expect(hitsOf(image('COPY . .'), ID.copyContextWithoutDockerignore, { dockerignore: null })).toEqual([]);
    expect(hitsOf(image('COPY . .'), ID.copyContextWithoutDockerignore)).toEqual([]);
    expect(hitsOf(image('COPY src/ .', 'COPY package.json ./'), ID.copyContextWithoutDockerignore, { dockerignore: false })).toEqual([]);
  });

  it('does not fire for a copy from another stage', () => {
    const text = dockerfile('FROM golang:1.22 AS build', 'WORKDIR /src', 'COPY go.mod ./', 'FROM scratch', 'COPY --from=build . .');
    expect(hitsOf(text, ID.copyContextWithoutDockerignore, { dockerignore: false })).toEqual([]);
  });
});
