import { matchesComponent } from './fnmatch.js';

describe('matchesComponent', () => {
  it.each([
    ['etc', 'etc', true],
    ['etc', 'etcx', false],
    ['*.cnf', 'openssl.cnf', true],
    ['*.cnf', 'openssl.cnf.dist', false],
    ['a*b*c', 'axxbyyc', true],
    ['a*b*c', 'axxbyy', false],
    ['?', 'x', true],
    ['?', '', false],
    ['*', '', true],
    ['[ab]?c', 'axc', true],
    ['[!ab]?c', 'axc', false],
    ['[a-c]', 'b', true],
    ['[]]', ']', true],
    ['[abc', '[abc', true],
    ['\\*', '*', true],
    ['\\*', 'x', false],
  ])('%s against %s is %s', (pattern, name, expected) => {
    expect(matchesComponent(pattern, name)).toBe(expected);
  });

  it('stays fast on a pattern that would make a backtracking matcher explode', () => {
    const started = Date.now();
    expect(matchesComponent(`${'*a'.repeat(30)}b`, 'a'.repeat(4000))).toBe(false);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
