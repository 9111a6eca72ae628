import { AI_FORMATS } from './formats/ai-formats.js';
import { CI_FORMATS } from './formats/ci-formats.js';
import { CLOUD_FORMATS } from './formats/cloud-formats.js';
import { GENERIC_FORMATS } from './formats/generic-formats.js';
import { KEY_FORMATS } from './formats/key-formats.js';
import { MESSAGING_FORMATS } from './formats/messaging-formats.js';
import { GITLAB_FORMATS } from './formats/gitlab-formats.js';
import { OBSERVABILITY_FORMATS } from './formats/observability-formats.js';
import { PAYMENT_FORMATS } from './formats/payment-formats.js';
import { PLATFORM_FORMATS } from './formats/platform-formats.js';
import { REGISTRY_FORMATS } from './formats/registry-formats.js';
import { SAAS_FORMATS } from './formats/saas-formats.js';
import { SOURCE_HOSTING_FORMATS } from './formats/source-hosting-formats.js';
import { URL_FORMATS } from './formats/url-formats.js';
import { PRIORITY, type SecretFormat } from './secret-format.js';

/** Every credential format recognised by content, most specific families first. */
export const CONTENT_FORMATS: readonly SecretFormat[] = [
  ...KEY_FORMATS,
  ...CLOUD_FORMATS,
  ...SOURCE_HOSTING_FORMATS,
  ...GITLAB_FORMATS,
  ...CI_FORMATS,
  ...PLATFORM_FORMATS,
  ...OBSERVABILITY_FORMATS,
  ...REGISTRY_FORMATS,
  ...MESSAGING_FORMATS,
  ...PAYMENT_FORMATS,
  ...AI_FORMATS,
  ...SAAS_FORMATS,
  ...URL_FORMATS,
  ...GENERIC_FORMATS,
];

const BY_ID = new Map(CONTENT_FORMATS.map((format) => [format.id, format]));

/** The content format with this rule id. */
export function contentFormat(id: string): SecretFormat | undefined {
  return BY_ID.get(id);
}

/** Rule ids of the private-key formats: the only ones run where public certificates live. */
export const PRIVATE_KEY_RULE_IDS: readonly string[] = CONTENT_FORMATS.filter((format) => format.privateKey).map((format) => format.id);

/** Rule ids of formats that identify themselves (private keys and prefixed tokens): trusted even in documentation. */
export const SELF_IDENTIFYING_RULE_IDS: readonly string[] = CONTENT_FORMATS.filter((format) => format.priority >= PRIORITY.prefixed).map((format) => format.id);
