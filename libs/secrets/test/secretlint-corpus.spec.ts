import { type CheckHit } from '@dhi/checks';
import { scanText } from '../src/index.js';
import { TestImages } from './support/image-builder.js';
import { type ExpectedMessage, type SecretlintCase, secretlintCases } from './support/secretlint-cases.js';

/** secretlint message ids we claim, and the rules that must report them. */
const CLAIMED: Record<string, readonly string[]> = {
  OPS_TOKEN: ['secret.1password-service-account-token'],
  ANTHROPIC_API_KEY: ['secret.anthropic-api-key'],
  AWSAccessKeyID: ['secret.aws-access-key-id'],
  AWSSecretAccessKey: ['secret.aws-secret-access-key'],
  AzureClientSecret: ['secret.generic-keyword-assignment'],
  BasicAuth: ['secret.url-basic-auth'],
  CLOUDFLARE_ACCOUNT_API_TOKEN: ['secret.cloudflare-api-token'],
  CLOUDFLARE_USER_API_TOKEN: ['secret.cloudflare-api-token'],
  CLOUDFLARE_GLOBAL_API_KEY: ['secret.cloudflare-global-api-key'],
  MongoDBConnection: ['secret.mongodb-url'],
  MySQLConnection: ['secret.mysql-url'],
  PostgreSQLConnection: ['secret.postgres-url'],
  DATABRICKS_PERSONAL_ACCESS_TOKEN: ['secret.databricks-token'],
  DOCKER_PERSONAL_ACCESS_TOKEN: ['secret.docker-hub-token'],
  FIGMA_PERSONAL_ACCESS_TOKEN: ['secret.figma-token'],
  PrivateKeyJSON: ['secret.private-key'],
  PrivateKeyP12: ['secret.file-pkcs12'],
  GITHUB_TOKEN: ['secret.github-pat', 'secret.github-app-token', 'secret.github-fine-grained-pat'],
  GITLAB_PERSONAL_ACCESS_TOKEN: ['secret.gitlab-pat'],
  GRAFANA_CLOUD_API_TOKEN: ['secret.grafana-cloud-token'],
  GRAFANA_SERVICE_ACCOUNT_TOKEN: ['secret.grafana-service-account-token'],
  GROQ_API_KEY: ['secret.groq-api-key'],
  HASHICORP_VAULT_SERVICE_TOKEN: ['secret.vault-service-token'],
  HASHICORP_VAULT_RECOVERY_TOKEN: ['secret.vault-service-token'],
  HASHICORP_VAULT_BATCH_TOKEN: ['secret.vault-batch-token'],
  HUGGINGFACE_USER_ACCESS_TOKEN: ['secret.huggingface-token'],
  LINEAR_API_TOKEN: ['secret.linear-api-key'],
  FOUND_DOTENV_FILE: ['secret.file-dotenv'],
  NOTION_INTEGRATION_TOKEN: ['secret.notion-token'],
  NPM_ACCESS_TOKEN: ['secret.npm-access-token'],
  Npmrc_authToken: ['secret.npmrc-auth'],
  PackageJSON_xOauthToken: ['secret.git-url-oauth-token'],
  OPENAI_TOKEN: ['secret.openai-api-key'],
  PrivateKey: ['secret.private-key', 'secret.openssh-private-key'],
  SENDGRID_KEY: ['secret.sendgrid-api-key'],
  SHOPIFY_KEY: ['secret.shopify-token'],
  IncomingWebhook: ['secret.slack-webhook-url'],
  SLACK_TOKEN: ['secret.slack-bot-token', 'secret.slack-user-token', 'secret.slack-legacy-token', 'secret.slack-app-token'],
  STRIPE_SECRET_KEY_LIVE: ['secret.stripe-live-secret-key'],
  STRIPE_RESTRICTED_KEY_LIVE: ['secret.stripe-live-secret-key'],
  STRIPE_SECRET_KEY_TEST: ['secret.stripe-test-secret-key'],
  STRIPE_RESTRICTED_KEY_TEST: ['secret.stripe-test-secret-key'],
  TAILSCALE_API_KEY: ['secret.tailscale-key'],
  TAILSCALE_AUTH_KEY: ['secret.tailscale-key'],
  TAILSCALE_CLIENT_KEY: ['secret.tailscale-key'],
  TAILSCALE_SCIM_KEY: ['secret.tailscale-key'],
  TAILSCALE_WEBHOOK_KEY: ['secret.tailscale-key'],
  TAILSCALE_KEY: ['secret.tailscale-key'],
  VERCEL_PERSONAL_ACCESS_TOKEN: ['secret.vercel-token'],
  VERCEL_INTEGRATION_TOKEN: ['secret.vercel-token'],
  VERCEL_APP_ACCESS_TOKEN: ['secret.vercel-token'],
  VERCEL_APP_REFRESH_TOKEN: ['secret.vercel-token'],
  VERCEL_AI_GATEWAY_API_KEY: ['secret.vercel-token'],
};

/** secretlint message ids we deliberately do not report (also in the README). */
const NOT_CLAIMED: Record<string, string> = {
  AWSAccountID: 'an AWS account id names an account; it grants nothing',
  AzureTenantId: 'a tenant id is a public identifier, not a credential',
  AzureClientId: 'a client (application) id is a public identifier, not a credential',
  EXAMPLE_MESSAGE: 'secretlint’s demo rule, which flags the word SECRET',
  PATTERN: 'user-defined patterns of secretlint-rule-pattern (and the comment-filter demos built on them)',
  HOMEDIR: 'a home directory path is not a credential',
  secp256k1Priv: 'a bare 64-hex value cannot be told from a SHA-256 digest, of which an image holds thousands',
};

/** Cases secretlint expects nothing from where we report something, and why (also in the README). */
const KNOWN_DIFFERENCES: Record<string, string> = {
  'aws/ok.AWS Secret Access Key': 'AWS_SECRET_ACCESS_KEY is set to a 56-character random value (encrypted, says a comment): the generic rule reports it',
  'basicauth/ok.database-urls-not-detected': '`jdbc:mysql://admin:pass@localhost` is reported: `pass` is a password (secretlint itself flags `user:pass@` in its basic-auth cases)',
  'no-k8s-kind-secret/ng.kind-secret': 'a Kubernetes Secret’s `password:` data value is a base64 password: the generic rule reports it (as gitleaks’ kubernetes-secret-yaml does)',
  'no-k8s-kind-secret/ng.kind-secret-multiple': 'same as ng.kind-secret',
  'gcp/ok.invalid-p12-huge-iter': 'every PKCS#12 file in an image is reported by name (secretlint only flags GCP keys with the default password)',
  'gcp/ok.invalid-p12-no-mac': 'same as ok.invalid-p12-huge-iter',
  'gcp/ok.invalid-p12-random': 'same as ok.invalid-p12-huge-iter',
  'gcp/ok.invalid-p12-truncated': 'same as ok.invalid-p12-huge-iter',
  'gcp/ok.secure-privatekey-p12': 'same as ok.invalid-p12-huge-iter',
};

const cases = secretlintCases();
const images = new TestImages();
const hitsOf = new Map<SecretlintCase, CheckHit[]>();
const pathOf = (c: SecretlintCase): string => `/corpus/${c.family}/${c.name}/${c.inputPath}`;

beforeAll(async () => {
  // each case is its own one-layer image, scanned end to end with its own options
  for (const c of cases) hitsOf.set(c, (await images.scan([[{ name: pathOf(c).slice(1), data: c.content }]], c.options)).hits);
});
afterAll(() => images.close());

function found(c: SecretlintCase, message: ExpectedMessage): boolean {
  const rules = CLAIMED[message.messageId];
  if (rules.some((rule) => rule.startsWith('secret.file-'))) return (hitsOf.get(c) ?? []).some((hit) => rules.includes(hit.ruleId));
  const matches = c.binary ? [] : scanText(c.content.toString('latin1'), c.options);
  return matches.some((match) => rules.includes(match.ruleId) && match.line >= message.startLine && match.line <= message.endLine);
}

describe('secretlint corpus', () => {
  it('knows every message id: each is claimed or has a reason not to be', () => {
    const ids = new Set(cases.flatMap((c) => c.expected.map((message) => message.messageId)));
    for (const id of ids) expect({ id, known: id in CLAIMED !== id in NOT_CLAIMED }).toEqual({ id, known: true });
    expect(cases).toHaveLength(151);
  });

  it('finds every expected secret of the formats it claims (100 % recall per family)', () => {
    const recall = new Map<string, { expected: number; found: number; missed: string[] }>();
    for (const c of cases) {
      for (const message of c.expected.filter((m) => m.messageId in CLAIMED)) {
        const family = recall.get(c.family) ?? { expected: 0, found: 0, missed: [] };
        recall.set(c.family, family);
        family.expected += 1;
        if (found(c, message)) family.found += 1;
        else family.missed.push(`${c.name} ${message.messageId}@${message.startLine}`);
      }
    }
    const table = [...recall].map(([family, r]) => `${family.padEnd(28)} ${r.found}/${r.expected}`);
    process.stdout.write(`secretlint recall per family (claimed formats):\n${table.join('\n')}\n`);
    expect([...recall].filter(([, r]) => r.missed.length > 0)).toEqual([]);
    expect(recall.size).toBeGreaterThanOrEqual(29);
  });

  it('reports nothing on inputs secretlint expects nothing from, except the documented differences', () => {
    const reported = cases
      .filter((c) => c.expected.length === 0 && (hitsOf.get(c) ?? []).length > 0)
      .map((c) => ({ case: `${c.family}/${c.name}`, rules: [...new Set((hitsOf.get(c) ?? []).map((hit) => hit.ruleId))] }));
    const quiet = cases.filter((c) => c.expected.length === 0).length;
    process.stdout.write(`secretlint empty-output inputs: ${quiet}, reported by us: ${reported.length}\n${reported.map((r) => `  ${r.case}: ${r.rules.join(', ')}`).join('\n')}\n`);
    expect(reported.map((r) => r.case).sort()).toEqual(Object.keys(KNOWN_DIFFERENCES).sort());
  });
});
