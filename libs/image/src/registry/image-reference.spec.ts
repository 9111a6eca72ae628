import { isRegistryError } from './registry-error.js';
import { formatImageReference, parseImageReference } from './image-reference.js';

const DIGEST = `sha256:${'ab'.repeat(32)}`;

describe('parseImageReference', () => {
  it.each([
    ['127.0.0.1:5000/dhi/node:20', { registry: '127.0.0.1:5000', repository: 'dhi/node', tag: '20', digest: null }],
    ['localhost/base', { registry: 'localhost', repository: 'base', tag: 'latest', digest: null }],
    ['Registry.Example.Internal/a/b/c', { registry: 'registry.example.internal', repository: 'a/b/c', tag: 'latest', digest: null }],
    [`127.0.0.1:5000/dhi/node@${DIGEST}`, { registry: '127.0.0.1:5000', repository: 'dhi/node', tag: null, digest: DIGEST }],
    [`127.0.0.1:5000/dhi/node:20@${DIGEST}`, { registry: '127.0.0.1:5000', repository: 'dhi/node', tag: '20', digest: DIGEST }],
    ['[::1]:5000/x_y.z--w:v1.2-rc_3', { registry: '[::1]:5000', repository: 'x_y.z--w', tag: 'v1.2-rc_3', digest: null }],
  ])('parses %s', (text, expected) => {
    expect(parseImageReference(text)).toEqual(expected);
  });

  it.each([
    ['dhi/node:20', 'registry host'],
    ['node', 'registry host'],
    ['127.0.0.1:5000', 'registry host'],
    ['127.0.0.1:5000/Upper', 'lower-case'],
    ['127.0.0.1:5000/a//b', 'lower-case'],
    ['127.0.0.1:5000/a/', 'lower-case'],
    ['127.0.0.1:99999/a', 'host[:port]'],
    ['bad_host.internal:5000/a', 'host[:port]'],
    ['127.0.0.1:5000/a:bad/tag', 'not a valid tag'],
    ['127.0.0.1:5000/a:-x', 'not a valid tag'],
    ['127.0.0.1:5000/a@sha256:short', 'digest'],
    ['127.0.0.1:5000/a@md5:abc', 'digest'],
    ['127.0.0.1:5000/a b', 'white space'],
    [`127.0.0.1:5000/${'a'.repeat(256)}`, 'lower-case'],
  ])('refuses %s', (text, why) => {
    let caught: unknown;
    try {
      parseImageReference(text);
    } catch (error) {
      caught = error;
    }
    expect(isRegistryError(caught, 'invalid_reference')).toBe(true);
    expect((caught as Error).message).toContain(why);
  });

  it('formats a reference back to its canonical text', () => {
    expect(formatImageReference(parseImageReference('LOCALHOST:5000/a/b'))).toBe('localhost:5000/a/b:latest');
    expect(formatImageReference(parseImageReference(`localhost:5000/a@${DIGEST}`))).toBe(`localhost:5000/a@${DIGEST}`);
  });
});
