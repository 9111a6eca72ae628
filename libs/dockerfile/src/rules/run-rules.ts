import { type Rule } from '@dhi/checks';
import { DOCKERFILE_RULE_IDS as ID } from './rule-ids.js';

const category = 'dockerfile' as const;

/** Rules about the commands RUN instructions execute. */
export const RUN_RULES: readonly Rule[] = [
  {
    id: ID.aptNoInstallRecommends,
    title: 'apt-get install without --no-install-recommends',
    category,
    severity: 'low',
    rationale: 'apt installs recommended packages by default: more packages, more vulnerabilities, bigger image.',
    references: { cis: '4.3', hadolint: 'DL3015' },
    remediation: 'Add `--no-install-recommends` to `apt-get install` (or `-o APT::Install-Recommends=false`).',
  },
  {
    id: ID.aptListsNotRemoved,
    title: 'apt lists not removed after apt-get update',
    category,
    severity: 'low',
    rationale: 'The package lists fetched by `apt-get update` stay in the layer when the same RUN does not delete them: tens of megabytes of stale index in the image.',
    references: { dockle: 'DKL-DI-0005', hadolint: 'DL3009' },
    remediation: 'Update, install and clean in one RUN: `apt-get update && apt-get install … && rm -rf /var/lib/apt/lists/*` (or use a cache mount for /var/lib/apt/lists).',
  },
  {
    id: ID.aptUnpinned,
    title: 'apt-get install without pinned versions',
    category,
    severity: 'info',
    rationale: 'Without `package=version` the build installs whatever the mirror has that day, so rebuilds are not reproducible.',
    references: { hadolint: 'DL3008' },
    remediation: 'Pin versions where reproducibility matters: `apt-get install package=version`.',
  },
  {
    id: ID.apkNoCache,
    title: 'apk add without --no-cache',
    category,
    severity: 'low',
    rationale: 'Without --no-cache apk keeps its index in /var/cache/apk in the layer.',
    references: { dockle: 'DKL-DI-0004', hadolint: 'DL3019' },
    remediation: 'Use `apk add --no-cache …` (it also makes `--update` and removing /var/cache/apk unnecessary).',
  },
  {
    id: ID.apkUnpinned,
    title: 'apk add without pinned versions',
    category,
    severity: 'info',
    rationale: 'Without `package=version` the build installs whatever the repository has that day, so rebuilds are not reproducible.',
    references: { hadolint: 'DL3018' },
    remediation: 'Pin versions where reproducibility matters: `apk add package=version`.',
  },
  {
    id: ID.curlPipeShell,
    title: 'Downloaded script piped into a shell',
    category,
    severity: 'high',
    rationale: '`curl … | sh` runs whatever the server returns at build time, unverified: a compromised or spoofed host owns the image.',
    references: { cis: '4.11' },
    remediation: 'Download the script or artifact to a file, verify its checksum or signature, then run it (or use `ADD --checksum=sha256:…`).',
  },
  {
    id: ID.sudo,
    title: 'sudo used in RUN',
    category,
    severity: 'medium',
    rationale: 'sudo in a build means the image carries a setuid helper and a privilege-switching policy it does not need; its TTY and signal handling is also unpredictable.',
    references: { dockle: 'DKL-DI-0001', hadolint: 'DL3004' },
    remediation: 'Run the command as root with `USER root` before it (and switch back to the non-root USER after); use gosu/su-exec for run-time user switching.',
  },
  {
    id: ID.chmodWorldWritable,
    title: 'chmod makes files world-writable',
    category,
    severity: 'medium',
    rationale: 'A mode such as 777 or 666 lets any user in the container (or a process running as another UID) modify the file: code and configuration can be replaced.',
    references: {},
    remediation: 'Grant only what is needed: 755 for executables and directories, 644 for data files, owned by the user that needs them (`COPY --chown`).',
  },
  {
    id: ID.chmodSetuid,
    title: 'chmod sets setuid or setgid',
    category,
    severity: 'medium',
    rationale: 'A setuid/setgid binary runs with its owner\'s privileges: a path to root for anyone who can run it.',
    references: { cis: '4.8', dockle: 'CIS-DI-0008' },
    remediation: 'Do not set setuid/setgid bits; remove them with `chmod u-s,g-s <file>` and grant the specific capability the program needs instead.',
  },
];
