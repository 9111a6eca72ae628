/** A file of an installed apk package with the checksum the installed database records for it. */
export interface ApkFile {
  package: string;
  /** Absolute, as the database lists it (`F:` directory + `R:` name). */
  path: string;
  /** Hex sha1 from a `Z:Q1<base64>` line; null when the database has no checksum apk-tools 2 can read. */
  sha1: string | null;
}

/** The installed database of apk: `/lib/apk/db/installed`, or `/usr/lib/apk/db/installed` on merged-/usr systems. */
export const APK_INSTALLED = ['/lib/apk/db/installed', '/usr/lib/apk/db/installed'];

/** `Q1` + base64 of the 20-byte sha1, as hex; null for any other checksum format. */
export function apkSha1(value: string): string | null {
  if (!value.startsWith('Q1')) return null;
  const bytes = Buffer.from(value.slice(2), 'base64');
  return bytes.length === 20 ? bytes.toString('hex') : null;
}

/**
 * The files of every package of an installed database: paragraphs of `X:value` lines where `P:` names the package,
 * `F:` sets the directory of the `R:` files that follow, and a `Z:` after an `R:` is that file's checksum.
 */
export function parseApkFiles(text: string): ApkFile[] {
  const files: ApkFile[] = [];
  let pkg: string | null = null;
  let pending: Omit<ApkFile, 'package'>[] = [];
  let dir = '';
  let last: Omit<ApkFile, 'package'> | null = null;
  const flush = (): void => {
    if (pkg !== null) for (const file of pending) files.push({ package: pkg, ...file });
    pkg = null;
    pending = [];
    dir = '';
    last = null;
  };
  for (const line of text.split(/\r?\n/)) {
    const value = line.slice(2);
    switch (line.slice(0, 2)) {
      case '':
        flush();
        break;
      case 'P:':
        pkg = value;
        break;
      case 'F:':
        dir = value;
        last = null;
        break;
      case 'R:':
        last = { path: `/${dir ? `${dir}/` : ''}${value}`, sha1: null };
        pending.push(last);
        break;
      case 'Z:':
        if (last) last.sha1 = apkSha1(value);
        break;
      default:
        break;
    }
  }
  flush();
  return files;
}
