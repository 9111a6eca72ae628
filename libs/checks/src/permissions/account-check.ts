import { type CheckHit } from '../check-hit.js';
import { hasLoginShell, isEmptyPassword, type PasswdEntry, parseShadow } from './accounts.js';
import { layerDigestOf, type PermissionContext, shellWord } from './permission-context.js';
import { EMPTY_PASSWORD_RULE, EXTRA_UID0_RULE } from './permission-rules.js';

function evidenceAt(context: PermissionContext, path: string, details: Record<string, string | number | null>): CheckHit['evidence'] {
  const file = context.fs.files.get(path);
  return { path, layerDigest: file ? layerDigestOf(context, file) : null, details };
}

function emptyPasswordHit(context: PermissionContext, name: string, account: PasswdEntry | undefined, source: string): CheckHit {
  const login = account ? hasLoginShell(account) : false;
  return {
    ruleId: EMPTY_PASSWORD_RULE,
    key: [name],
    // with a login shell the account is a password-less way in; without one, other PAM services may still accept it
    severity: login ? 'critical' : 'high',
    title: `Account ${name} has an empty password in ${source}${login ? ` and the login shell ${account?.shell || '/bin/sh'}` : ''}`,
    evidence: evidenceAt(context, source, { account: name, uid: account?.uid ?? null, shell: account?.shell ?? null }),
    remediation: `Lock the account (\`passwd -l ${name}\`, or \`*\` in its password field) or remove it.`,
    patch: `RUN passwd -l ${shellWord(name)}`,
  };
}

/** Accounts with an empty password field (in /etc/shadow, or in /etc/passwd itself) and uid-0 accounts other than root. */
export function accountHits(context: PermissionContext): CheckHit[] {
  const hits: CheckHit[] = [];
  const byName = new Map(context.passwd.map((entry) => [entry.name, entry]));
  const reported = new Set<string>();
  // an empty field in /etc/passwd means no password: the shadow file is only consulted for `x`
  for (const entry of context.passwd) {
    if (!isEmptyPassword(entry.password) || reported.has(entry.name)) continue;
    reported.add(entry.name);
    hits.push(emptyPasswordHit(context, entry.name, entry, '/etc/passwd'));
  }
  const shadow = context.contentOf('/etc/shadow');
  for (const { name, password } of shadow ? parseShadow(shadow.toString('utf8')) : []) {
    if (!isEmptyPassword(password) || reported.has(name)) continue;
    reported.add(name);
    hits.push(emptyPasswordHit(context, name, byName.get(name), '/etc/shadow'));
  }
  for (const entry of context.passwd) {
    if (entry.uid !== 0 || entry.name === 'root') continue;
    hits.push({
      ruleId: EXTRA_UID0_RULE,
      key: [entry.name],
      title: `Account ${entry.name} has uid 0: it is root under another name`,
      evidence: evidenceAt(context, '/etc/passwd', { account: entry.name, uid: entry.uid, gid: entry.gid, shell: entry.shell }),
      remediation: `Give ${entry.name} its own non-zero uid (\`usermod -u <uid> ${entry.name}\`) or remove it (\`userdel ${entry.name}\`).`,
    });
  }
  return hits;
}
