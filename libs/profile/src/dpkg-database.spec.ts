import { divertedPath, md5sumsPackage, parseConffiles, parseDiversions, parseMd5sums } from './dpkg-database.js';

describe('dpkg database files', () => {
  it('reads md5sums lines in text and binary mode, paths made absolute, and skips other lines', () => {
    const text = '2d9323649cd3618f15f6a20185cf55a9  usr/bin/tail\nD41D8CD98F00B204E9800998ECF8427E *usr/share/doc/a b\nnot a line\n\n';
    expect(parseMd5sums(text)).toEqual([
      { md5: '2d9323649cd3618f15f6a20185cf55a9', path: '/usr/bin/tail' },
      { md5: 'd41d8cd98f00b204e9800998ecf8427e', path: '/usr/share/doc/a b' },
    ]);
  });

  it('names the package after the md5sums file, without its architecture', () => {
    expect(md5sumsPackage('/var/lib/dpkg/info/libc6:amd64.md5sums')).toBe('libc6');
    expect(md5sumsPackage('/var/lib/dpkg/info/coreutils.md5sums')).toBe('coreutils');
  });

  it('collects the Conffiles of every paragraph, whatever flags follow the checksum', () => {
    const status = [
      'Package: a',
      'Conffiles:',
      ' /etc/a.conf 0123456789abcdef0123456789abcdef',
      ' /etc/old.conf 0123456789abcdef0123456789abcdef obsolete',
      'Description: a',
      ' /not/a/conffile',
      '',
      'Package: b',
      'conffiles:',
      ' /etc/b.conf newconffile',
      '',
    ].join('\n');
    expect([...parseConffiles(status)].sort()).toEqual(['/etc/a.conf', '/etc/b.conf', '/etc/old.conf']);
  });

  it('reads diversion triplets and sends other packages\' files to the diverted path', () => {
    const diversions = parseDiversions('/bin/sh\n/bin/sh.distrib\ndash\n/usr/bin/local\n/usr/bin/local.orig\n:\n');
    expect(divertedPath('/bin/sh', 'bash', diversions)).toBe('/bin/sh.distrib');
    expect(divertedPath('/bin/sh', 'dash', diversions)).toBe('/bin/sh');
    expect(divertedPath('/usr/bin/local', 'anything', diversions)).toBe('/usr/bin/local.orig');
    expect(divertedPath('/usr/bin/tail', 'coreutils', diversions)).toBe('/usr/bin/tail');
  });
});
