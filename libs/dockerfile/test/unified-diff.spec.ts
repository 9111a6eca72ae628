import { applyUnifiedDiff, createUnifiedDiff, diffTexts } from '../src/index.js';
import { applyWithGnuPatch } from './support/patch-check.js';

const text = ['FROM debian:12', 'RUN a', 'RUN b', 'RUN c', 'RUN d', 'RUN e', 'RUN f', 'USER root', ''].join('\n');

describe('createUnifiedDiff', () => {
  it('replaces a line with three lines of context and GNU patch agrees', () => {
    const patch = createUnifiedDiff(text, { start: 7, end: 8, lines: ['USER 65532:65532'] });
    expect(patch).toBe(['--- a/Dockerfile', '+++ b/Dockerfile', '@@ -5,4 +5,4 @@', ' RUN d', ' RUN e', ' RUN f', '-USER root', '+USER 65532:65532', ''].join('\n'));
    const expected = text.replace('USER root', 'USER 65532:65532');
    expect(applyWithGnuPatch(text, patch as string)).toBe(expected);
    expect(applyUnifiedDiff(text, patch as string)).toEqual({ ok: true, text: expected });
  });

  it('inserts before the first line and deletes lines', () => {
    const insert = createUnifiedDiff(text, { start: 0, end: 0, lines: ['# syntax=docker/dockerfile:1'] }) as string;
    expect(insert).toContain('@@ -1,3 +1,4 @@');
    expect(applyWithGnuPatch(text, insert)).toBe(`# syntax=docker/dockerfile:1\n${text}`);
    const remove = createUnifiedDiff(text, { start: 1, end: 3, lines: [] }) as string;
    expect(remove).toContain('@@ -1,6 +1,4 @@');
    const removed = text.replace('RUN a\nRUN b\n', '');
    expect(applyWithGnuPatch(text, remove)).toBe(removed);
    expect(applyUnifiedDiff(text, remove)).toEqual({ ok: true, text: removed });
  });

  it('keeps a missing final newline missing, marked as diff(1) does', () => {
    const noEol = 'FROM scratch\nCOPY app /app';
    const patch = createUnifiedDiff(noEol, { start: 2, end: 2, lines: ['USER 1000'] }) as string;
    expect(patch).toContain('-COPY app /app\n\\ No newline at end of file\n+COPY app /app\n+USER 1000\n\\ No newline at end of file\n');
    expect(applyWithGnuPatch(noEol, patch)).toBe('FROM scratch\nCOPY app /app\nUSER 1000');
    expect(applyUnifiedDiff(noEol, patch)).toEqual({ ok: true, text: 'FROM scratch\nCOPY app /app\nUSER 1000' });
  });

  it('keeps CRLF line ends in the lines it touches', () => {
    const crlf = 'FROM scratch\r\nUSER root\r\nCMD ["/app"]\r\n';
    const patch = createUnifiedDiff(crlf, { start: 1, end: 2, lines: ['USER 1000\r'] }) as string;
    const expected = 'FROM scratch\r\nUSER 1000\r\nCMD ["/app"]\r\n';
    expect(applyWithGnuPatch(crlf, patch)).toBe(expected);
    expect(applyUnifiedDiff(crlf, patch)).toEqual({ ok: true, text: expected });
  });

  it('returns null when nothing changes and refuses a range outside the text', () => {
    expect(createUnifiedDiff(text, { start: 1, end: 2, lines: ['RUN a'] })).toBeNull();
    expect(diffTexts(text, text)).toBeNull();
    expect(() => createUnifiedDiff(text, { start: 5, end: 20, lines: [] })).toThrow(RangeError);
  });

  it('names the path given, for -p1 from the context root', () => {
    const patch = diffTexts('FROM a\n', 'FROM b\n', { path: 'docker/Dockerfile.prod' }) as string;
    expect(patch.split('\n').slice(0, 2)).toEqual(['--- a/docker/Dockerfile.prod', '+++ b/docker/Dockerfile.prod']);
    expect(applyWithGnuPatch('FROM a\n', patch, 'docker/Dockerfile.prod')).toBe('FROM b\n');
  });
});

describe('applyUnifiedDiff', () => {
  const patch = createUnifiedDiff(text, { start: 7, end: 8, lines: ['USER app'] }) as string;

  it('refuses a patch whose context does not match, instead of guessing', () => {
    const changed = text.replace('RUN e', 'RUN E');
    const result = applyUnifiedDiff(changed, patch);
    expect(result).toMatchObject({ ok: false, code: 'context_mismatch' });
    expect(applyUnifiedDiff(text.replace('FROM debian:12\n', ''), patch)).toMatchObject({ ok: false, code: 'context_mismatch' });
  });

  it('refuses malformed patches and patches of several files', () => {
    expect(applyUnifiedDiff(text, 'not a patch')).toMatchObject({ ok: false, code: 'malformed_patch' });
    expect(applyUnifiedDiff(text, patch.replace('@@ -5,4 +5,4 @@', '@@ -5,9 +5,4 @@'))).toMatchObject({ ok: false, code: 'malformed_patch' });
    const two = patch + patch.replace(/Dockerfile/g, 'Other');
    expect(applyUnifiedDiff(text, two)).toMatchObject({ ok: false, code: 'malformed_patch', message: expect.stringContaining('more than one file') });
  });

  it('applies a diff with two hunks, as diff(1) writes them', () => {
    const long = Array.from({ length: 20 }, (_, i) => `RUN step${i}`).join('\n') + '\n';
    const patch2 = ['--- a/Dockerfile', '+++ b/Dockerfile', '@@ -1,2 +1,2 @@', '-RUN step0', '+RUN first', ' RUN step1', '@@ -19,2 +19,2 @@', ' RUN step18', '-RUN step19', '+RUN last', ''].join('\n');
    const expected = long.replace('step0', 'first').replace('step19', 'last');
    expect(applyWithGnuPatch(long, patch2)).toBe(expected);
    expect(applyUnifiedDiff(long, patch2)).toEqual({ ok: true, text: expected });
  });
});
