import { type CheckHit } from '../check-hit.js';
import { type PasswdEntry, parsePasswd } from '../permissions/accounts.js';
import { type ConfigInput, runtimeConfig } from './config-input.js';
import { USER_ROOT_RULE } from './config-rules.js';

const DISTROLESS_NONROOT = { name: null, uid: 65532, gid: 65532 };

/** The uid a USER value names: numeric as is, a name through /etc/passwd; undefined when a name is unknown. */
function uidOf(user: string, passwd: readonly PasswdEntry[]): number | undefined {
  if (/^\d+$/.test(user)) return Number(user);
  return passwd.find((entry) => entry.name === user)?.uid;
}

/** The account to suggest: `nonroot` if present, else the lowest regular account (uid ≥ 1000, not nobody). */
function suggestedAccount(passwd: readonly PasswdEntry[]): { name: string | null; uid: number; gid: number } {
  const regular = passwd.filter((entry) => entry.uid >= 1000 && entry.uid !== 65534 && entry.uid !== 4294967294);
  const nonroot = regular.find((entry) => entry.name === 'nonroot');
  const lowest = [...regular].sort((a, b) => a.uid - b.uid)[0];
  return nonroot ?? lowest ?? DISTROLESS_NONROOT;
}

/** USER unset, `root`, `0`, `0:0` or a name whose uid is 0: the container runs as root. */
export function userHits(input: ConfigInput): CheckHit[] {
  const raw = runtimeConfig(input).User ?? '';
  const user = raw.split(':')[0].trim();
  const passwd = parsePasswd(input.fs?.contents.get('/etc/passwd')?.toString('utf8') ?? '');
  const isRoot = user === '' || user === 'root' || uidOf(user, passwd) === 0;
  if (!isRoot) return [];
  const account = suggestedAccount(passwd);
  const patch = `USER ${account.uid}:${account.gid}`;
  const how = account.name
    ? `Run as the image's existing account ${account.name}: \`${patch}\` (numeric, so that runAsNonRoot can be verified).`
    : `Add \`${patch}\` (a numeric uid works without an /etc/passwd entry; create one if the application needs a home or a name).`;
  return [
    {
      ruleId: USER_ROOT_RULE,
      key: ['User'],
      title: user === '' ? 'Image runs as root: no USER is set' : `Image runs as root: USER ${raw}`,
      evidence: { path: null, details: { key: 'User', value: raw } },
      remediation: `${how} Give that user ownership only of the directories it must write.`,
      patch,
    },
  ];
}
