import { type Rule } from '../rule.js';

const category = 'permission' as const;

export const SETUID_RULE = 'permission.setuid';
export const SETGID_RULE = 'permission.setgid';
export const WORLD_WRITABLE_RULE = 'permission.world-writable';
export const NON_ROOT_SYSTEM_FILE_RULE = 'permission.non-root-system-file';
export const EMPTY_PASSWORD_RULE = 'permission.empty-password';
export const EXTRA_UID0_RULE = 'permission.uid0-account';
export const READABLE_PRIVATE_KEY_RULE = 'permission.private-key-readable';

/** The catalog of the permission and account checks (`checkPermissions`). */
export const PERMISSION_RULES: readonly Rule[] = [
  {
    id: SETUID_RULE,
    title: 'Executable with the setuid bit',
    category,
    severity: 'high',
    rationale:
      'A setuid executable runs as its owner whatever user starts it; a flaw in it, or one planted by a build step, turns any process of the container into that owner (usually root).',
    references: { cis: '4.8', dockle: 'CIS-DI-0008' },
    remediation: 'Remove the setuid bit (`chmod u-s <file>`) or the file itself unless the image really needs it.',
  },
  {
    id: SETGID_RULE,
    title: 'Executable with the setgid bit',
    category,
    severity: 'medium',
    rationale: 'A setgid executable runs with its group whatever user starts it, e.g. the shadow group that can read password hashes.',
    references: { cis: '4.8', dockle: 'CIS-DI-0008' },
    remediation: 'Remove the setgid bit (`chmod g-s <file>`) or the file itself unless the image really needs it.',
  },
  {
    id: WORLD_WRITABLE_RULE,
    title: 'World-writable file or directory without the sticky bit',
    category,
    severity: 'high',
    rationale:
      'Any user of the container can replace a world-writable file, or replace and delete the files of others in a world-writable directory without the sticky bit; in system paths that is code or configuration run by root.',
    references: {},
    remediation: 'Remove write permission for others (`chmod o-w <path>`), or set the sticky bit on shared scratch directories (`chmod +t <dir>`).',
  },
  {
    id: NON_ROOT_SYSTEM_FILE_RULE,
    title: 'File in a system path owned by a non-root user',
    category,
    severity: 'medium',
    rationale:
      'The owner of a binary, library or configuration file in a system path can change it; if that is the user the application runs as, a compromised application can plant code that root runs later.',
    references: {},
    remediation: 'Give system files to root (`chown root:root <path>`; in a Dockerfile, `COPY` without `--chown` into system paths).',
  },
  {
    id: EMPTY_PASSWORD_RULE,
    title: 'Account with an empty password',
    category,
    severity: 'high',
    rationale: 'An account whose password field is empty can be entered without a password by su, login or any PAM service.',
    references: { dockle: 'DKL-LI-0001' },
    remediation: 'Lock the account (`passwd -l <user>`, or `*` in the password field of /etc/shadow) or remove it.',
  },
  {
    id: EXTRA_UID0_RULE,
    title: 'Account other than root with uid 0',
    category,
    severity: 'high',
    rationale: 'Every account with uid 0 is root under another name; it is either a backdoor or a mistake, and audit logs name the wrong account.',
    references: {},
    remediation: 'Give the account its own non-zero uid (`usermod -u <uid> <user>`) or remove it.',
  },
  {
    id: READABLE_PRIVATE_KEY_RULE,
    title: 'Private key readable by group or others',
    category,
    severity: 'high',
    rationale: 'A private key must be readable only by its owner; any other user of the container who can read it can impersonate the service.',
    references: {},
    remediation: 'Make the key readable by its owner only (`chmod 600 <key>`), and better, mount it at run time instead of baking it into the image.',
  },
];
