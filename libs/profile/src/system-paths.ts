/** Where a distribution's package manager installs: files here are hashed for the integrity check. */
const SYSTEM_PATH = /^\/(?:bin|sbin|usr|lib[^/]*|etc|opt)\//;

/** Where an executable is expected to come from a package: one outside every package here is reported. */
const PACKAGED_EXECUTABLE_PATH = /^\/(?:bin|sbin|usr\/bin|usr\/sbin|usr\/local\/bin|usr\/lib[^/]*|lib[^/]*)\//;

/** A path under /bin, /sbin, /usr, /lib*, /etc or /opt. */
export const isSystemPath = (path: string): boolean => SYSTEM_PATH.test(path);

/** A path under /bin, /sbin, /usr/bin, /usr/sbin, /usr/local/bin, /usr/lib* or /lib*. */
export const isPackagedExecutablePath = (path: string): boolean => PACKAGED_EXECUTABLE_PATH.test(path);

/** Any of the three execute bits. */
export const isExecutableMode = (mode: number): boolean => (mode & 0o111) !== 0;

/** The top-level directory a path is counted under (`/usr/bin/ls` → `/usr`; a file directly in `/` → `/`). */
export function topDirOf(path: string): string {
  const second = path.indexOf('/', 1);
  return second === -1 ? '/' : path.slice(0, second);
}

/** The parent directory of an absolute path. */
export function parentOf(path: string): string {
  const index = path.lastIndexOf('/');
  return index <= 0 ? '/' : path.slice(0, index);
}

/** The last segment of a path. */
export const baseNameOf = (path: string): string => path.slice(path.lastIndexOf('/') + 1);
