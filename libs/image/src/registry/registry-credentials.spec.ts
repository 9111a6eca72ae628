import { inspect } from 'node:util';
import { parseDockerConfigCredentials, parseRegistryCredentialsJson, RegistryCredential, registryKey } from './registry-credentials.js';

const SECRET = 's3cret-Pa55';

describe('registry credentials', () => {
  it('reads the JSON map by host[:port]', () => {
    const credentials = parseRegistryCredentialsJson(JSON.stringify({ 'Reg.Test:5000': { username: 'ci', password: SECRET } }));
    expect(credentials.get('reg.test:5000')?.username).toBe('ci');
    expect(credentials.get('reg.test:5000')?.password).toBe(SECRET);
  });

  it('reads a docker config.json, auth or username/password, URL keys normalised', () => {
    const config = {
      auths: {
        'https://reg.test:5000/v1/': { auth: Buffer.from(`ci:${SECRET}:with-colon`).toString('base64') },
        'other.test': { username: 'u', password: 'p' },
        'helper.test': {},
      },
      credsStore: 'desktop',
    };
    const credentials = parseDockerConfigCredentials(JSON.stringify(config));
    expect(credentials.get('reg.test:5000')?.password).toBe(`${SECRET}:with-colon`);
    expect(credentials.get('other.test')?.username).toBe('u');
    expect(credentials.has('helper.test')).toBe(false);
  });

  it('never prints the password', () => {
    const credential = new RegistryCredential('ci', SECRET);
    const printed = [JSON.stringify({ credential }), inspect(credential), inspect({ nested: credential }, { depth: 5, showHidden: true }), String(credential)];
    for (const text of printed) expect(text).not.toContain(SECRET);
    expect(credential.basicAuthorization()).toBe(`Basic ${Buffer.from(`ci:${SECRET}`).toString('base64')}`);
  });

  it('refuses bad input without quoting it', () => {
    expect(() => parseRegistryCredentialsJson(`{"a": {"username": "u", "password": "${SECRET}"`)).toThrow(/not valid JSON/);
    expect(() => parseRegistryCredentialsJson(`{"a": {"username": "u", "password": "${SECRET}"`)).not.toThrow(new RegExp(SECRET));
    expect(() => parseRegistryCredentialsJson(JSON.stringify({ 'reg.test': { username: 'u' } }))).toThrow(/entry "reg.test"/);
    expect(() => parseDockerConfigCredentials(JSON.stringify({ auths: { x: { auth: Buffer.from(SECRET).toString('base64') } } }))).toThrow(/not base64 of user:password/);
  });

  it('keys registries by host[:port]', () => {
    expect(registryKey('http://LOCALHOST:5000/v2/')).toBe('localhost:5000');
    expect(registryKey('reg.test')).toBe('reg.test');
  });
});
