import { decodeTarName, decodeUtf8Escaped, normaliseArchivePath, normaliseImagePath, resolveLinkTarget } from './paths.js';

describe('normaliseImagePath', () => {
  it.each([
    ['./etc/os-release', '/etc/os-release'],
    ['/etc//passwd', '/etc/passwd'],
    ['../../etc/passwd', '/etc/passwd'],
    ['a/b/../../../../c', '/c'],
    ['./', '/'],
    ['', '/'],
    ['etc/./x/.', '/etc/x'],
  ])('%s -> %s', (input, expected) => {
    expect(normaliseImagePath(input)).toBe(expected);
  });

  it('neutralises NUL so it cannot cut a name short', () => {
    expect(normaliseImagePath('etc/passwd\0.txt')).toBe('/etc/passwd\\x00.txt');
  });
});

describe('archive paths and links', () => {
  it('normalises relative to the archive root', () => {
    expect(normaliseArchivePath('/abc/../../layer.tar')).toBe('layer.tar');
  });

  it('resolves a relative link from its own directory and an absolute one from the root', () => {
    expect(resolveLinkTarget('b159/layer.tar', '../6e77/layer.tar')).toBe('6e77/layer.tar');
    expect(resolveLinkTarget('b159/layer.tar', '/../../x')).toBe('x');
  });
});

describe('UTF-8 names', () => {
  it('keeps valid UTF-8 and escapes each invalid byte', () => {
    expect(decodeUtf8Escaped(Buffer.from('héllo/日本', 'utf8'))).toBe('héllo/日本');
    expect(decodeUtf8Escaped(Buffer.from([0x61, 0xff, 0x62, 0xc3]))).toBe('a\\xffb\\xc3');
    expect(decodeUtf8Escaped(Buffer.from([0xe6, 0x97, 0xa5, 0xe6, 0x97]))).toBe('日\\xe6\\x97');
  });

  it('recovers latin1-decoded tar names and leaves PAX names alone', () => {
    const latin1 = Buffer.from('café', 'utf8').toString('latin1');
    expect(decodeTarName(latin1, false)).toBe('café');
    expect(decodeTarName('café', true)).toBe('café');
  });
});
