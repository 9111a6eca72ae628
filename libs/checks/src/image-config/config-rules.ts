import { type Rule } from '../rule.js';

const category = 'misconfiguration' as const;

export const USER_ROOT_RULE = 'config.user-root';
export const NO_HEALTHCHECK_RULE = 'config.no-healthcheck';
export const SECRET_IN_ENV_RULE = 'config.secret-in-env';
export const SECRET_IN_LABEL_RULE = 'config.secret-in-label';
export const SECRET_IN_HISTORY_RULE = 'config.secret-in-history';
export const CREDENTIAL_VARIABLE_RULE = 'config.credential-variable';
export const SENSITIVE_PORT_RULE = 'config.sensitive-port';
export const REMOTE_ADD_RULE = 'config.remote-add';
export const RUNTIME_SHELL_RULE = 'config.runtime-shell';
export const RUNTIME_PACKAGE_MANAGER_RULE = 'config.runtime-package-manager';
export const MISSING_PROVENANCE_LABEL_RULE = 'config.missing-provenance-label';

const SECRET_RATIONALE = 'Anyone who can pull the image reads its config and history (`docker inspect`, `docker history`); a credential there is published with the image.';

/** The catalog of the image configuration checks (`checkImageConfig`). */
export const CONFIG_RULES: readonly Rule[] = [
  {
    id: USER_ROOT_RULE,
    title: 'Image runs as root',
    category,
    severity: 'high',
    rationale: 'Without a non-root USER the container process is root; any code execution in it is root in the container, one kernel or runtime flaw away from root on the host.',
    references: { cis: '4.1', dockle: 'CIS-DI-0001' },
    remediation: 'Add a `USER` instruction with a non-root uid (numeric, so that runtimes can verify runAsNonRoot).',
  },
  {
    id: NO_HEALTHCHECK_RULE,
    title: 'No HEALTHCHECK',
    category,
    severity: 'low',
    rationale: 'Without a health check the engine cannot tell a hung container from a working one (orchestrators with their own probes do not need it).',
    references: { cis: '4.6', dockle: 'CIS-DI-0006' },
    remediation: 'Add a `HEALTHCHECK CMD ...` that probes the service with a binary the image contains.',
  },
  {
    id: SECRET_IN_ENV_RULE,
    title: 'Secret in an environment variable',
    category,
    severity: 'critical',
    rationale: SECRET_RATIONALE,
    references: { cis: '4.10', dockle: 'CIS-DI-0010' },
    remediation: 'Revoke the credential, remove it from ENV and pass it at run time (an orchestrator secret or a mounted file).',
  },
  {
    id: SECRET_IN_LABEL_RULE,
    title: 'Secret in a label',
    category,
    severity: 'critical',
    rationale: SECRET_RATIONALE,
    references: { cis: '4.10' },
    remediation: 'Revoke the credential and remove it from the LABEL instruction.',
  },
  {
    id: SECRET_IN_HISTORY_RULE,
    title: 'Secret in the build history',
    category,
    severity: 'critical',
    rationale: `${SECRET_RATIONALE} Build arguments used by a RUN step are recorded in its history entry.`,
    references: { cis: '4.10' },
    remediation: 'Revoke the credential; pass build-time secrets with `RUN --mount=type=secret`, never as ARG values or on the command line.',
  },
  {
    id: CREDENTIAL_VARIABLE_RULE,
    title: 'Credential-named variable with a value',
    category,
    severity: 'high',
    rationale: `A variable named like a password, token or secret with a literal value is most likely a credential. ${SECRET_RATIONALE}`,
    references: { cis: '4.10', dockle: 'CIS-DI-0010' },
    remediation: 'Pass the value at run time (or point a `*_FILE` variable at a mounted secret) instead of setting it in the image.',
  },
  {
    id: SENSITIVE_PORT_RULE,
    title: 'Sensitive port exposed',
    category,
    severity: 'medium',
    rationale: 'Remote shells, the Docker API and databases are frequent targets; exposing them invites publishing them beyond the services that need them.',
    references: {},
    remediation: 'Drop the EXPOSE unless the image is that service; never publish the port publicly, and require authentication and TLS on it.',
  },
  {
    id: REMOTE_ADD_RULE,
    title: 'ADD from a remote URL',
    category,
    severity: 'medium',
    rationale: 'ADD downloads the URL at build time without verifying it (unless --checksum is given): whatever the server returns that day goes into the image.',
    references: { cis: '4.9', dockle: 'CIS-DI-0009' },
    remediation: 'Download with a verified checksum (`ADD --checksum=sha256:...`, or curl plus sha256sum in a build stage) or COPY a vetted file from the build context.',
  },
  {
    id: RUNTIME_SHELL_RULE,
    title: 'Shell in a runtime image',
    category,
    severity: 'medium',
    rationale: 'A runtime (minimal) image should hold only the application; a shell is what an attacker with code execution uses next.',
    references: {},
    remediation: 'Build the runtime stage from a base without a shell (static or distroless) and copy only the application into it.',
  },
  {
    id: RUNTIME_PACKAGE_MANAGER_RULE,
    title: 'Package manager in a runtime image',
    category,
    severity: 'medium',
    rationale: 'A package manager in a runtime image lets anyone with code execution install tools, and signals a build stage leaking into the runtime.',
    references: {},
    remediation: 'Install packages in a build stage and copy only their files into a runtime base that has no package manager.',
  },
  {
    id: MISSING_PROVENANCE_LABEL_RULE,
    title: 'Provenance label missing',
    category,
    severity: 'low',
    rationale: 'Without `org.opencontainers.image.source` and `.revision` nobody can trace the image back to the code it was built from.',
    references: {},
    remediation: 'Add `LABEL org.opencontainers.image.source=<repository URL>` and `org.opencontainers.image.revision=<commit>` (usually from build arguments).',
  },
];
