/** One line of /etc/passwd. */
export interface PasswdEntry {
  name: string;
  /** `x` when the hash lives in /etc/shadow; empty means no password at all. */
  password: string;
  uid: number;
  gid: number;
  shell: string;
}

/** One line of /etc/shadow (only what the checks read: never the hash itself beyond its first character). */
export interface ShadowEntry {
  name: string;
  password: string;
}

// shells that refuse a login; an empty shell field means /bin/sh, so it is a login shell
const NO_LOGIN = new Set(['/usr/sbin/nologin', '/sbin/nologin', '/bin/false', '/usr/bin/false', '/bin/sync', '/usr/bin/sync', '/bin/true', '/usr/bin/true']);

function records(text: string, minFields: number): string[][] {
  return text
    .split(/\r?\n/)
    // `+`/`-` lines are NIS compat markers, not accounts
    .filter((line) => line.trim() !== '' && !line.startsWith('#') && !/^[+-]/.test(line))
    .map((line) => line.split(':'))
    .filter((fields) => fields.length >= minFields && fields[0] !== '');
}

const asId = (field: string): number => (/^\d+$/.test(field) ? Number(field) : Number.NaN);

/** Parses /etc/passwd text; lines that are not `name:pw:uid:gid:gecos:home:shell` are skipped. */
export function parsePasswd(text: string): PasswdEntry[] {
  return records(text, 7)
    .map(([name, password, uid, gid, , , shell]) => ({ name, password, uid: asId(uid), gid: asId(gid), shell: shell.trim() }))
    .filter((entry) => Number.isInteger(entry.uid) && Number.isInteger(entry.gid));
}

/** Parses /etc/shadow text (name and password field of each line). */
export function parseShadow(text: string): ShadowEntry[] {
  return records(text, 2).map(([name, password]) => ({ name, password }));
}

/** Parses /etc/group text into gid → group name (the first name wins for a shared gid). */
export function parseGroupNames(text: string): Map<number, string> {
  const names = new Map<number, string>();
  for (const [name, , gid] of records(text, 3)) if (/^\d+$/.test(gid) && !names.has(Number(gid))) names.set(Number(gid), name);
  return names;
}

/** uid → account name (the first name wins for a shared uid, as `ls -l` shows it). */
export function userNames(entries: readonly PasswdEntry[]): Map<number, string> {
  const names = new Map<number, string>();
  for (const entry of entries) if (!names.has(entry.uid)) names.set(entry.uid, entry.name);
  return names;
}

/** Whether the account's shell lets it log in (an empty shell field means /bin/sh). */
export function hasLoginShell(entry: PasswdEntry): boolean {
  return !NO_LOGIN.has(entry.shell);
}

/** Whether a password field holds no password at all (as opposed to a hash or a lock marker). */
export function isEmptyPassword(field: string): boolean {
  return field === '';
}
