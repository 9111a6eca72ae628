import { formatPurl, normalisePypiName } from './purl.js';

describe('formatPurl', () => {
  it('encodes components, keeps epoch colons, sorts qualifiers and drops empty ones', () => {
    expect(formatPurl({ type: 'deb', namespace: 'debian', name: 'openssl', version: '3.0.11-1~deb12u2', qualifiers: { distro: 'debian-12', arch: 'amd64', upstream: null } }))
      .toBe('pkg:deb/debian/openssl@3.0.11-1~deb12u2?arch=amd64&distro=debian-12');
    expect(formatPurl({ type: 'deb', namespace: 'debian', name: 'libc6', version: '1:2.36+b1' })).toBe('pkg:deb/debian/libc6@1:2.36%2Bb1');
    expect(formatPurl({ type: 'npm', namespace: '@babel', name: 'core', version: '7.23.0' })).toBe('pkg:npm/%40babel/core@7.23.0');
    expect(formatPurl({ type: 'maven', namespace: 'org.apache.logging.log4j', name: 'log4j-core', version: '2.14.1' })).toBe('pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1');
    expect(formatPurl({ type: 'golang', namespace: 'github.com/gorilla', name: 'mux', version: 'v1.8.0', subpath: 'a b' })).toBe('pkg:golang/github.com/gorilla/mux@v1.8.0#a%20b');
  });

  it('normalises PyPI names the PEP 503 way', () => {
    expect(normalisePypiName('Typing__Extensions.x')).toBe('typing-extensions-x');
  });
});
