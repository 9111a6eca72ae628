import { createHash } from 'node:crypto';
import { imageConfig, profileOf, storeLayers, type TarItem, temporaryStore } from './support/image-fixtures.js';

const md5 = (data: string): string => createHash('md5').update(data).digest('hex');
const sha256 = (data: string): string => createHash('sha256').update(data).digest('hex');

const TOOL = '\x7fELF tool v1';
const CONF = 'setting = 1\n';
const DEFAULTS = 'DEFAULT=1\n';
const README = 'the tool\n';
const OS_RELEASE = 'ID=debian\nVERSION_ID="12"\nPRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\n';

const STATUS = [
  'Package: tool',
  'Status: install ok installed',
  'Architecture: amd64',
  'Version: 1.0-1',
  'Source: tool-src',
  'Conffiles:',
  ` /etc/tool.conf ${md5(CONF)}`,
  'Description: a tool',
  '',
].join('\n');

// merged-/usr: dpkg lists /bin/tool while the file lives at /usr/bin/tool
const LIST = ['/.', '/bin', '/bin/tool', '/etc/tool.conf', '/etc/tool', '/etc/tool/defaults', '/usr/bin/gone', '/usr/bin/linked', '/usr/share/doc/tool/readme', ''].join('\n');
// some packages list their conffiles here too: the Conffiles field still exempts them
const MD5SUMS = [
  `${md5(TOOL)}  bin/tool`,
  `${md5(CONF)}  etc/tool.conf`,
  `${md5(DEFAULTS)}  etc/tool/defaults`,
  `${md5('gone')}  usr/bin/gone`,
  `${md5('linked')}  usr/bin/linked`,
  `${md5(README)}  usr/share/doc/tool/readme`,
  '',
].join('\n');

const BASE: TarItem[] = [
  { name: 'etc/', type: 'directory' },
  { name: 'etc/os-release', data: OS_RELEASE },
  { name: 'usr/', type: 'directory' },
  { name: 'usr/bin/', type: 'directory' },
  { name: 'bin', type: 'symlink', linkname: 'usr/bin' },
  { name: 'usr/bin/tool', data: TOOL, mode: 0o755 },
  { name: 'usr/bin/gone', data: 'gone', mode: 0o755 },
  { name: 'usr/bin/linked', data: 'linked', mode: 0o755 },
  { name: 'etc/tool.conf', data: CONF },
  { name: 'etc/tool/defaults', data: DEFAULTS },
  { name: 'usr/share/doc/tool/readme', data: README },
  { name: 'var/lib/dpkg/status', data: STATUS },
  { name: 'var/lib/dpkg/info/tool:amd64.list', data: LIST },
  { name: 'var/lib/dpkg/info/tool:amd64.md5sums', data: MD5SUMS },
];

describe('dpkg integrity', () => {
  const { store, dispose } = temporaryStore();
  afterAll(dispose);

  it('finds nothing modified in an image as dpkg left it, having verified every hashed package file', async () => {
    const { profile } = await profileOf(store, await storeLayers(store, [BASE]));
    expect(profile.integrity).toEqual({ modifiedPackageFiles: [], unownedSystemExecutables: [], verifiedFiles: 5, unverifiable: 0 });
    expect(profile.packages).toEqual([{ name: 'tool', version: '1.0-1', ecosystem: 'deb', source: 'tool-src', location: '/var/lib/dpkg/status' }]);
    expect(profile.executables.find((e) => e.path === '/usr/bin/tool')).toEqual({ path: '/usr/bin/tool', sha256: sha256(TOOL), size: TOOL.length, mode: 0o755, owner: 'tool' });
  });

  it('reports a package file a later layer replaced, not a replaced conffile, a removed file or one now a symlink', async () => {
    const layers = await storeLayers(store, [
      BASE,
      [
        // written through the /bin symlink: lands at /usr/bin/tool
        { name: 'bin/tool', data: '#!/bin/sh\necho pwned\n', mode: 0o755 },
        { name: 'etc/tool.conf', data: 'setting = 2\n' },
        { name: 'usr/bin/.wh.gone' },
        { name: 'usr/bin/linked', type: 'symlink', linkname: 'tool' },
        { name: 'usr/local/bin/helper', data: '#!/bin/sh\nexec nc -l\n', mode: 0o755 },
      ],
    ]);
    const { profile } = await profileOf(store, layers, { config: imageConfig() });
    expect(profile.integrity.modifiedPackageFiles).toEqual([
      { path: '/usr/bin/tool', package: 'tool', expected: md5(TOOL), actual: md5('#!/bin/sh\necho pwned\n'), algorithm: 'md5' },
    ]);
    expect(profile.integrity.unownedSystemExecutables).toEqual([{ path: '/usr/local/bin/helper', sha256: sha256('#!/bin/sh\nexec nc -l\n') }]);
    expect(profile.integrity.verifiedFiles).toBe(3);
  });

  it('reports a modified /etc file that is not a conffile', async () => {
    const layers = await storeLayers(store, [BASE, [{ name: 'etc/tool/defaults', data: 'DEFAULT=0\n' }]]);
    const { profile } = await profileOf(store, layers);
    expect(profile.integrity.modifiedPackageFiles.map((file) => [file.path, file.package, file.actual])).toEqual([['/etc/tool/defaults', 'tool', md5('DEFAULT=0\n')]]);
  });

  it('does not exempt a path outside /etc that a crafted status calls a conffile', async () => {
    const crafted = STATUS.replace('Conffiles:\n', 'Conffiles:\n /usr/bin/tool 00000000000000000000000000000000\n');
    const layers = await storeLayers(store, [BASE, [{ name: 'var/lib/dpkg/status', data: crafted }, { name: 'usr/bin/tool', data: 'other', mode: 0o755 }]]);
    const { profile } = await profileOf(store, layers);
    expect(profile.integrity.modifiedPackageFiles.map((file) => file.path)).toEqual(['/usr/bin/tool']);
  });

  it('looks for a diverted file where the diversion put it', async () => {
    const layers = await storeLayers(store, [
      BASE,
      [
        // dash diverts /usr/bin/tool: tool's own copy now lives at tool.distrib, and dash's file takes its place
        { name: 'var/lib/dpkg/diversions', data: '/usr/bin/tool\n/usr/bin/tool.distrib\ndash\n' },
        { name: 'var/lib/dpkg/info/tool:amd64.md5sums', data: MD5SUMS.replace('bin/tool', 'usr/bin/tool') },
        { name: 'usr/bin/tool.distrib', data: TOOL, mode: 0o755 },
        { name: 'usr/bin/tool', data: 'dash', mode: 0o755 },
      ],
    ]);
    const { profile } = await profileOf(store, layers);
    expect(profile.integrity.modifiedPackageFiles).toEqual([]);
    expect(profile.integrity.verifiedFiles).toBe(5);
  });

  it('verifies and hashes a hard link as the file it shares content with', async () => {
    const layers = await storeLayers(store, [
      BASE,
      [
        { name: 'usr/bin/tool-alias', type: 'link', linkname: 'usr/bin/tool', mode: 0o755 },
        { name: 'var/lib/dpkg/info/tool:amd64.md5sums', data: `${MD5SUMS}${md5(TOOL)}  usr/bin/tool-alias\n` },
      ],
    ]);
    const { profile } = await profileOf(store, layers);
    expect(profile.integrity).toMatchObject({ modifiedPackageFiles: [], verifiedFiles: 6, unverifiable: 0 });
    expect(profile.executables.find((e) => e.path === '/usr/bin/tool-alias')).toEqual({ path: '/usr/bin/tool-alias', sha256: sha256(TOOL), size: TOOL.length, mode: 0o755, owner: null });
  });

  it('counts files above maxHashBytes as unverifiable and leaves their sha256 null', async () => {
    // the tool (12 bytes) and defaults (10) are above the bound; the readme (9) is at it and still hashed
    const { profile } = await profileOf(store, await storeLayers(store, [BASE]), { read: { maxHashBytes: 9 } });
    expect(profile.integrity).toMatchObject({ modifiedPackageFiles: [], verifiedFiles: 3, unverifiable: 2 });
    expect(profile.executables.find((e) => e.path === '/usr/bin/tool')?.sha256).toBeNull();
  });
});
