import { compareVersions, isVersionError, parseVersion } from './index.js';

describe('PyPI (PEP 440) versions', () => {
  const chain = ['1.0.dev0', '1.0a1.dev1', '1.0a1', '1.0a2.post1', '1.0b1', '1.0rc1', '1.0', '1.0+abc', '1.0+1', '1.0.post1.dev1', '1.0.post1', '1.1.dev0', '1!0.1'];

  it('orders dev < pre < release < local < post, with epochs above all', () => {
    for (let i = 0; i + 1 < chain.length; i++) expect([chain[i], compareVersions('PyPI', chain[i]!, chain[i + 1]!)]).toEqual([chain[i], -1]);
  });

  it.each([
    ['1.0', '1.0.0', 0], ['v1.0', '1.0', 0], ['2.0beta1', '2.0b1', 0], ['3.9.0c1', '3.9.0rc1', 0], ['1.0pre1', '1.0rc1', 0],
    ['1.0preview1', '1.0rc1', 0], ['4.0.0.b2', '4.0.0b2', 0], ['1.0-1', '1.0.post1', 0], ['1.0.rev1', '1.0.post1', 0],
    ['1.0r', '1.0.post0', 0], ['1.0a', '1.0a0', 0], ['1.0-dev', '1.0.dev0', 0], ['1.0+UBUNTU.1', '1.0+ubuntu-1', 0],
    ['0!1.0', '1.0', 0], [' 1.0 ', '1.0', 0], ['1.0+abc.2', '1.0+abc.10', -1], ['1.0+abc', '1.0+abc.0', -1],
    ['1.10', '1.9', 1], ['1.0.post1', '1.0.post1+local', -1],
  ])('%s vs %s is %d', (a, b, expected) => {
    expect(compareVersions('PyPI', a, b)).toBe(expected);
  });

  it.each(['trunk', '2.0.0-final', '0.3m1', '1.0+', '1.0+a..b', '', 'one'])('rejects "%s" with invalid_version', (s) => {
    expect(isVersionError(parseVersion('PyPI', s), 'invalid_version')).toBe(true);
  });
});
