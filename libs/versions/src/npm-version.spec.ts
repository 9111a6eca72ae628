import { compareVersions, isVersionError, parseVersion } from './index.js';

describe('npm (SemVer 2.0) versions', () => {
  // The precedence example of SemVer 2.0 §11, in order.
  const chain = ['1.0.0-alpha', '1.0.0-alpha.1', '1.0.0-alpha.beta', '1.0.0-beta', '1.0.0-beta.2', '1.0.0-beta.11', '1.0.0-rc.1', '1.0.0'];

  it('orders the SemVer 2.0 precedence chain', () => {
    for (let i = 0; i + 1 < chain.length; i++) expect(compareVersions('npm', chain[i]!, chain[i + 1]!)).toBe(-1);
  });

  it.each([
    ['1.0.0+build.1', '1.0.0', 0],
    ['1.0.0-rc.1+b', '1.0.0-rc.1+c', 0],
    ['v1.2.3', '1.2.3', 0],
    ['1.0', '1.0.0', 0],
    ['2.0.0', '10.0.0', -1],
    ['1.0.0-2', '1.0.0-10', -1],
    ['1.0.0-a', '1.0.0-10', 1],
    ['3.0.0-beta.1', '3.0.0-beta.9', -1],
    ['99999999999999999999.0.0', '99999999999999999998.0.0', 1],
  ])('%s vs %s is %d', (a, b, expected) => {
    expect(compareVersions('npm', a, b)).toBe(expected);
  });

  it.each(['latest', '1.x', '>=1.0.0', '1.0.0-', '1.0.0-a..b', '', '1.2.3.4'])('rejects "%s"', (s) => {
    expect(isVersionError(parseVersion('npm', s), 'invalid_version')).toBe(true);
  });
});
