import { type Rule } from '@dhi/checks';
import { CONTENT_FORMATS } from './content-formats.js';
import { FILE_NAME_RULES, type FileNameRule } from './file-name-rules.js';
import { type SecretFormat } from './secret-format.js';

/** `aws access key id` → `Aws access key id`; titles that start with a brand keep their case. */
export const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

const EXTRACTABLE = 'Anyone who can pull the image can extract it from the layer that added it, even when a later layer deleted or overwrote the file.';
export const REBUILD =
  'Remove it from the build: pass it as a build secret (`RUN --mount=type=secret`) or inject it at run time, never COPY or ENV it, then rebuild.';
export const CHMOD_IS_NOT_ENOUGH = '`chmod 600` is not enough: file permissions do not protect a key from anyone who can pull the image.';
// CIS Docker Benchmark 4.10 "Ensure secrets are not stored in Dockerfiles", checked by Dockle as CIS-DI-0010
const REFERENCES = { cis: '4.10', dockle: 'CIS-DI-0010' } as const;

function contentRule(format: SecretFormat): Rule {
  const remediation = [`Revoke and rotate the ${format.title}: it is in the image's layer history.`, REBUILD];
  if (format.privateKey) remediation.push(CHMOD_IS_NOT_ENOUGH);
  return {
    id: format.id,
    title: capitalise(format.title),
    category: 'secret',
    severity: format.severity,
    rationale: `${capitalise(format.title)}: grants ${format.grants}. ${EXTRACTABLE}`,
    references: format.gitleaks ? { ...REFERENCES, gitleaks: format.gitleaks } : { ...REFERENCES },
    remediation: remediation.join(' '),
  };
}

function fileRule(rule: FileNameRule): Rule {
  const remediation = [
    'Keep the file out of every layer (deleting it in a later layer leaves it in the earlier one), and revoke and rotate the credentials it held.',
    REBUILD,
  ];
  if (rule.privateKey) remediation.push(CHMOD_IS_NOT_ENOUGH);
  return {
    id: rule.id,
    title: capitalise(rule.title),
    category: 'secret',
    // the name says the file is a credential store, not that this copy holds a live secret
    severity: 'medium',
    rationale: `${capitalise(rule.title)}: holds ${rule.holds}. ${EXTRACTABLE}`,
    references: rule.gitleaks ? { ...REFERENCES, gitleaks: rule.gitleaks } : { ...REFERENCES },
    remediation: remediation.join(' '),
  };
}

/** Every secret rule: the content formats (`secret.<format>`) then the file-name rules (`secret.file-<name>`). */
export const SECRET_RULES: readonly Rule[] = [...CONTENT_FORMATS.map(contentRule), ...FILE_NAME_RULES.map(fileRule)];
