import { APK_DEFAULT_PROTECTED_PATHS, parseProtectedPaths, protectModeOf } from './apk-protected-paths.js';

describe('apk protected paths', () => {
  const defaults = parseProtectedPaths(APK_DEFAULT_PROTECTED_PATHS);

  it('makes /etc configuration, except init scripts (symlinks only) and /etc/apk (never touched)', () => {
    expect(protectModeOf(defaults, '/etc/shadow')).toBe('changed');
    expect(protectModeOf(defaults, '/etc/ssl/openssl.cnf')).toBe('changed');
    expect(protectModeOf(defaults, '/etc/init.d/sshd')).toBe('symlinks');
    expect(protectModeOf(defaults, '/etc/apk/repositories')).toBe('all');
    expect(protectModeOf(defaults, '/usr/bin/getent')).toBe('none');
    expect(protectModeOf(defaults, '/etcetera/file')).toBe('none');
  });

  it('applies list files after the defaults, deeper and later patterns winning, with fnmatch globs per component', () => {
    const paths = parseProtectedPaths(`${APK_DEFAULT_PROTECTED_PATHS}# comment\n-etc/ssl/*.cnf\n/etc/ssl/misc/\n-usr/share/[ab]?c\n`);
    expect(protectModeOf(paths, '/etc/ssl/openssl.cnf')).toBe('ignore');
    expect(protectModeOf(paths, '/etc/ssl/cert.pem')).toBe('changed');
    expect(protectModeOf(paths, '/etc/ssl/misc/CA.pl')).toBe('changed');
    expect(protectModeOf(paths, '/usr/share/axc/file')).toBe('ignore');
    expect(protectModeOf(paths, '/usr/share/cxc/file')).toBe('none');
  });

  it('takes regular-expression characters in a pattern literally', () => {
    const paths = parseProtectedPaths('+opt/a.b\n');
    expect(protectModeOf(paths, '/opt/a.b/x')).toBe('changed');
    expect(protectModeOf(paths, '/opt/axb/x')).toBe('none');
  });
});
