import { type ProfileGroup, type ProfileUser } from './build-profile.js';

const byName = (a: { name: string }, b: { name: string }): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** A decimal id as passwd and group write it; null for anything else (empty, negative, NIS `+`/`-` entries). */
function id(text: string): number | null {
  return /^\d{1,10}$/.test(text) ? Number(text) : null;
}

/** The colon-separated records of a passwd-style file, skipping comments and blank lines. */
function records(text: string): string[][] {
  return text
    .split('\n')
    .map((line) => line.replace(/\r$/, ''))
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => line.split(':'));
}

/** `/etc/passwd` (`name:password:uid:gid:gecos:home:shell`), by name; malformed lines are skipped. */
export function parsePasswd(text: string): ProfileUser[] {
  const users: ProfileUser[] = [];
  for (const [name, , uidText, gidText, , home, shell] of records(text)) {
    const uid = id(uidText ?? '');
    const gid = id(gidText ?? '');
    if (!name || uid === null || gid === null) continue;
    users.push({ name, uid, gid, home: home ?? '', shell: shell ?? '' });
  }
  return users.sort(byName);
}

/** `/etc/group` (`name:password:gid:member,member`), by name, members sorted; malformed lines are skipped. */
export function parseGroup(text: string): ProfileGroup[] {
  const groups: ProfileGroup[] = [];
  for (const [name, , gidText, memberText] of records(text)) {
    const gid = id(gidText ?? '');
    if (!name || gid === null) continue;
    const members = (memberText ?? '').split(',').map((member) => member.trim()).filter(Boolean).sort();
    groups.push({ name, gid, members });
  }
  return groups.sort(byName);
}
