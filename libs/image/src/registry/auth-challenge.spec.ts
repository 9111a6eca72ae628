import { parseAuthChallenges } from './auth-challenge.js';

describe('parseAuthChallenges', () => {
  it('reads a bearer challenge with quoted parameters', () => {
    expect(parseAuthChallenges('Bearer realm="https://auth.test/token",service="registry.test",scope="repository:a/b:pull"')).toEqual([
      { scheme: 'bearer', params: { realm: 'https://auth.test/token', service: 'registry.test', scope: 'repository:a/b:pull' } },
    ]);
  });

  it('reads several challenges, token values, spaces and escapes', () => {
    expect(parseAuthChallenges('Basic realm="basic-realm" , Bearer  Realm = "https://x/t?a=1,2" ,error=invalid_token, scope="a\\"b"')).toEqual([
      { scheme: 'basic', params: { realm: 'basic-realm' } },
      { scheme: 'bearer', params: { realm: 'https://x/t?a=1,2', error: 'invalid_token', scope: 'a"b' } },
    ]);
  });

  it('reads a scheme without parameters followed by another challenge', () => {
    expect(parseAuthChallenges('Negotiate, Basic realm=x')).toEqual([
      { scheme: 'negotiate', params: {} },
      { scheme: 'basic', params: { realm: 'x' } },
    ]);
  });

  it('gives nothing for a missing header and stops at garbage', () => {
    expect(parseAuthChallenges(null)).toEqual([]);
    expect(parseAuthChallenges('')).toEqual([]);
    expect(parseAuthChallenges('Bearer realm="unterminated')).toEqual([{ scheme: 'bearer', params: { realm: 'unterminated' } }]);
    expect(parseAuthChallenges('"quoted" Basic')).toEqual([]);
  });
});
