import { randomBytes } from 'node:crypto';
import { checkDockerfile, DOCKERFILE_RULE_IDS as ID } from '../src/index.js';
import { dockerfile, expectPatchFixes, hitsOf } from './support/patch-check.js';

describe('input that is not a usable Dockerfile', () => {
  it.each([
    ['', /^no_from: there is no FROM instruction$/],
    ['# just a comment\n', /^no_from:/],
    ['RUN echo hi\nFROM debian:12\n', /^no_from: line 1: the first instruction is RUN/],
    ['\u0000\u0001binary', /^binary:/],
    ['FROM debian:12\rRUN x\n', /^line_endings:/],
  ])('reports %j as an error, not a throw', (text, error) => {
    const result = checkDockerfile(text);
    expect(result.hits).toEqual([]);
    expect(result.errors).toEqual([expect.stringMatching(error)]);
  });

  it('refuses a Dockerfile over the size limit', () => {
    expect(checkDockerfile(dockerfile('FROM debian:12', `RUN echo ${'x'.repeat(2000)}`), { maxBytes: 1000 }).errors).toEqual([expect.stringMatching(/^too_large:/)]);
  });

  it('lists unknown instructions with their lines and still checks the rest', () => {
    const result = checkDockerfile(dockerfile('FROM debian:12', 'RUNN apt-get install x', 'USER root'));
    expect(result.errors).toEqual(['unknown_instruction: line 2: unknown instruction "RUNN"']);
    expect(result.hits.map((h) => h.ruleId)).toContain(ID.userRoot);
  });

  it('never throws, whatever it is given', () => {
    const fragments = ['FROM ', 'debian', ':', '${', '}', ' AS ', 'RUN ', '<<EOF', '\nEOF', '\\\n', '"', "'", '$(', ')', '|', '&&', 'USER ', 'ARG X=', 'ONBUILD ', 'COPY ', '[', ']', '\n', '# escape=`\n', '`', 'chmod 4777 '];
    for (let round = 0; round < 300; round++) {
      const bytes = randomBytes(24);
      const text = Array.from(bytes, (b) => fragments[b % fragments.length]).join('');
      const result = checkDockerfile(text, { dockerignore: false, resolveDigest: () => `sha256:${'a'.repeat(64)}`, findSecrets: () => [] });
      expect(result.errors.filter((e) => e.startsWith('check_failed'))).toEqual([]);
    }
  });
});

describe('lines', () => {
  it('is the first line of an instruction continued over several lines', () => {
    const text = dockerfile('FROM debian:12', '', 'RUN apt-get update && \\', '    # comment inside the RUN', '    apt-get install -y \\', '      curl', 'USER root');
    expect(hitsOf(text, ID.aptNoInstallRecommends)[0].evidence.line).toBe(3);
    expect(hitsOf(text, ID.userRoot)[0].evidence.line).toBe(7);
    expect(expectPatchFixes(text, ID.aptNoInstallRecommends)).toContain('\n    apt-get install --no-install-recommends -y \\\n');
  });

  it('counts here-document bodies, so instructions after them keep their lines', () => {
    const text = dockerfile('FROM debian:12', 'COPY <<EOF /etc/app.conf', 'key = value', 'other = value', 'EOF', 'RUN <<-SCRIPT', '\tsudo true', '\tSCRIPT', 'ADD app.js /app/');
    expect(hitsOf(text, ID.sudo)[0].evidence.line).toBe(6);
    expect(hitsOf(text, ID.addInsteadOfCopy)[0].evidence.line).toBe(9);
  });

  it('follows the escape directive', () => {
    const text = dockerfile('# escape=`', 'FROM mcr.example/windows/servercore:ltsc2022', 'RUN apt-get update `', '    && apt-get install -y curl', 'COPY C:\\app C:\\app');
    expect(hitsOf(text, ID.aptNoInstallRecommends)[0].evidence.line).toBe(3);
    const patched = expectPatchFixes(text, ID.aptListsNotRemoved);
    expect(patched).toContain('RUN apt-get update `\n    && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n');
  });

  it('handles CRLF Dockerfiles: lines, and patches GNU patch applies', () => {
    const text = 'FROM debian:12\r\nRUN apt-get update && apt-get install -y curl\r\nUSER root\r\n';
    expect(hitsOf(text, ID.userRoot)[0].evidence.line).toBe(3);
    expect(expectPatchFixes(text, ID.aptNoInstallRecommends)).toBe('FROM debian:12\r\nRUN apt-get update && apt-get install --no-install-recommends -y curl\r\nUSER root\r\n');
    expect(expectPatchFixes(text, ID.userRoot)).toBe('FROM debian:12\r\nRUN apt-get update && apt-get install -y curl\r\nUSER 65532:65532\r\n');
    const missing = 'FROM debian:12\r\nCMD ["x"]\r\n';
    expect(expectPatchFixes(missing, ID.userMissing)).toBe('FROM debian:12\r\nCMD ["x"]\r\nUSER 65532:65532\r\n');
  });

  it('names the Dockerfile path given in evidence and patch headers', () => {
    const options = { path: 'deploy/api/Dockerfile' };
    const [hit] = hitsOf(dockerfile('FROM debian:12', 'ADD app /app'), ID.addInsteadOfCopy, options);
    expect(hit.evidence.path).toBe('deploy/api/Dockerfile');
    expect(hit.patch).toMatch(/^--- a\/deploy\/api\/Dockerfile\n\+\+\+ b\/deploy\/api\/Dockerfile\n/);
    expectPatchFixes(dockerfile('FROM debian:12', 'ADD app /app'), ID.addInsteadOfCopy, options);
  });
});
