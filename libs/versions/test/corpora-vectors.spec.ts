import { compareVersions, isVersionError, parseVersion } from '../src/index.js';
import { readCorpusFile, readVectors } from './support/corpora.js';

describe.each([
  ['debian', 'Debian', 5000],
  ['semver', 'npm', 2000],
  ['pep440', 'PyPI', 2000],
])('versions/%s.tsv (oracle-generated)', (file, ecosystem, count) => {
  it(`agrees with the oracle on every line under ${ecosystem} rules`, () => {
    const vectors = readVectors(file);
    expect(vectors).toHaveLength(count);
    const disagreements = vectors
      .map((v) => ({ ...v, actual: compareVersions(ecosystem, v.a, v.b) }))
      .filter((v) => v.actual !== v.expected)
      .map((v) => `line ${v.line}: ${v.a} vs ${v.b}: expected ${v.expected}, got ${v.actual}`);
    expect(disagreements).toEqual([]);
  });

  it('is antisymmetric on every line', () => {
    const asymmetric = readVectors(file).filter((v) => compareVersions(ecosystem, v.b, v.a) !== (-v.expected || 0));
    expect(asymmetric).toEqual([]);
  });
});

describe('versions/pep440-invalid.txt', () => {
  const invalid = readCorpusFile('versions', 'pep440-invalid.txt').split('\n').filter((s) => s !== '');

  it('rejects every string packaging rejects, as an invalid_version error value', () => {
    expect(invalid).toHaveLength(75);
    const accepted = invalid.filter((s) => !isVersionError(parseVersion('PyPI', s), 'invalid_version'));
    expect(accepted).toEqual([]);
  });

  it('makes compareVersions throw that error, naming the string', () => {
    expect(() => compareVersions('PyPI', '0.3m1', '1.0')).toThrow(/"0.3m1" is not a valid PyPI version/);
  });
});
