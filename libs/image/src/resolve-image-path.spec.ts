import { resolveImagePath } from './resolve-image-path.js';

type Node = { type: 'file' | 'dir' | 'symlink'; linkTarget: string | null };
const files = new Map<string, Node>([
  ['/etc', { type: 'dir', linkTarget: null }],
  ['/etc/os-release', { type: 'symlink', linkTarget: '../usr/lib/os-release' }],
  ['/usr', { type: 'dir', linkTarget: null }],
  ['/usr/lib', { type: 'dir', linkTarget: null }],
  ['/usr/lib/os-release', { type: 'file', linkTarget: null }],
  ['/lib', { type: 'symlink', linkTarget: 'usr/lib' }],
  ['/escape', { type: 'symlink', linkTarget: '../../../../usr/lib/os-release' }],
  ['/loop', { type: 'symlink', linkTarget: '/loop' }],
  ['/dangling', { type: 'symlink', linkTarget: '/nowhere' }],
]);

describe('resolveImagePath', () => {
  it('follows relative, absolute and directory symlinks', () => {
    expect(resolveImagePath(files, '/etc/os-release')).toBe('/usr/lib/os-release');
    expect(resolveImagePath(files, '/lib/os-release')).toBe('/usr/lib/os-release');
  });

  it('never climbs above the root', () => {
    expect(resolveImagePath(files, '/escape')).toBe('/usr/lib/os-release');
  });

  it('is null for loops and dangling links', () => {
    expect(resolveImagePath(files, '/loop')).toBeNull();
    expect(resolveImagePath(files, '/dangling')).toBeNull();
  });

  it('takes components without an entry as directories when asked, still following links below them', () => {
    const implicit = new Map<string, Node>([
      ['/opt/app/current', { type: 'symlink', linkTarget: 'v2' }],
      ['/opt/app/v2/bin/tool', { type: 'file', linkTarget: null }],
    ]);
    expect(resolveImagePath(implicit, '/opt/app/current/bin/tool')).toBeNull();
    expect(resolveImagePath(implicit, '/opt/app/current/bin/tool', { implicitDirectories: true })).toBe('/opt/app/v2/bin/tool');
  });
});
