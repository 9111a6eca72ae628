import { CONTENT_FORMATS, FILE_NAME_RULES, scanText } from '../src/index.js';
import { FAKE_SECRETS } from './support/fake-secrets.js';
import { gitleaksRules } from './support/gitleaks-rules.js';
import { ALNUM, BASE64, DIGITS, HEX, LOWER, randomSource, UPPER } from './support/random-text.js';

const r = randomSource('gitleaks-variants');

/**
 * gitleaks rules whose format one of our rules covers under another id (a rule names one gitleaks id), each with a
 * sample that gitleaks' own regex matches and that our rule must find.
 */
const ALSO_COVERS: Record<string, { rule: string; text: string }> = {
  'anthropic-admin-api-key': { rule: 'secret.anthropic-api-key', text: `sk-ant-admin01-${r(ALNUM, 93)}AA` },
  'aws-amazon-bedrock-api-key-short-lived': { rule: 'secret.aws-bedrock-api-key', text: `bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t${r(BASE64, 200)}` },
  'digitalocean-refresh-token': { rule: 'secret.digitalocean-oauth-token', text: `dor_v1_${r(HEX, 64)}` },
  'easypost-test-api-token': { rule: 'secret.easypost-api-key', text: `EZTK${r(ALNUM, 54)}` },
  'gitlab-pat-routable': { rule: 'secret.gitlab-pat', text: `glpat-${r(ALNUM, 27)}.01${r(LOWER + DIGITS, 7)} ` },
  'gitlab-rrt': { rule: 'secret.gitlab-runner-token', text: `GR1348941${r(ALNUM, 20)}` },
  'gitlab-runner-authentication-token-routable': { rule: 'secret.gitlab-runner-token', text: `glrt-t1_${r(ALNUM, 27)}.01${r(LOWER + DIGITS, 7)} ` },
  'huggingface-organization-api-token': { rule: 'secret.huggingface-token', text: `api_org_${r(UPPER + LOWER, 34)}` },
  'planetscale-oauth-token': { rule: 'secret.planetscale-token', text: `pscale_oauth_${r(ALNUM, 40)}` },
  'planetscale-password': { rule: 'secret.planetscale-token', text: `pscale_pw_${r(ALNUM, 40)}` },
  'settlemint-application-access-token': { rule: 'secret.settlemint-token', text: `sm_aat_${r(ALNUM, 16)}` },
  'settlemint-service-access-token': { rule: 'secret.settlemint-token', text: `sm_sat_${r(ALNUM, 16)}` },
  'shopify-custom-access-token': { rule: 'secret.shopify-token', text: `shpca_${r(HEX, 32)}` },
  'shopify-private-app-access-token': { rule: 'secret.shopify-token', text: `shppa_${r(HEX, 32)}` },
  'shopify-shared-secret': { rule: 'secret.shopify-token', text: `shpss_${r(HEX, 32)}` },
  'slack-config-refresh-token': { rule: 'secret.slack-config-token', text: `xoxe-1-${r(UPPER + DIGITS, 146)}` },
  'slack-legacy-bot-token': { rule: 'secret.slack-bot-token', text: `xoxb-${r(DIGITS, 10)}-${r(ALNUM, 24)}` },
  'slack-legacy-token': { rule: 'secret.slack-legacy-token', text: `xoxs-${r(DIGITS, 8)}-${r(DIGITS, 8)}-${r(DIGITS, 8)}-${r(HEX, 32)}` },
  'freemius-secret-key': { rule: 'secret.generic-keyword-assignment', text: `'secret_key' => 'sk_${r(ALNUM, 29)}'` },
  // partly: the generic rule reports the credential-named keys (password, token, …) of a Secret's data
  'kubernetes-secret-yaml': { rule: 'secret.generic-keyword-assignment', text: `kind: Secret\ndata:\n  password: ${r(BASE64, 24)}\n` },
};

/** Self-identifying gitleaks formats deliberately not reported, and why. */
const NOT_COVERED: Record<string, string> = {
  'facebook-access-token': 'an `app id|app secret` pair is only recognisable with the word facebook nearby; digits, a pipe and a value alone are too common',
  'flutterwave-public-key': 'a public key: publishing it is intended',
  'jwt-base64': 'a base64-encoded JWT: double-encoded tokens are rare in images, and a named one is caught by the generic rule',
  'sidekiq-sensitive-url': 'found by secret.url-basic-auth (a user:password URL); not cross-checked here because its regex names a package registry host',
};

const rules = gitleaksRules();
const byId = new Map(rules.map((rule) => [rule.id, rule]));
const referenced = new Set([...CONTENT_FORMATS.map((format) => format.gitleaks), ...FILE_NAME_RULES.map((rule) => rule.gitleaks)]);
// rules that recognise a token by its own shape, not by a service name next to a value (`[\w.-]{0,50}?(?:datadog)…`)
const selfIdentifying = rules.filter((rule) => rule.source !== null && !/^(?:\(\?i\))?\[\\w\.-\]\{0,50\}\?/.test(rule.source));

describe('gitleaks default rule set (corpus)', () => {
  it('names only gitleaks rule ids that exist', () => {
    for (const id of referenced) if (id !== undefined) expect({ id, exists: byId.has(id) }).toEqual({ id, exists: true });
    for (const id of [...Object.keys(ALSO_COVERS), ...Object.keys(NOT_COVERED)]) expect({ id, exists: byId.has(id) }).toEqual({ id, exists: true });
  });

  it.each(CONTENT_FORMATS.filter((format) => format.gitleaks).map((format) => [format.id, format.gitleaks ?? ''] as const))(
    '%s: gitleaks rule %s also matches our fake (same format)',
    (id, gitleaksId) => {
      const fake = FAKE_SECRETS[id](randomSource(id));
      expect(byId.get(gitleaksId)?.regex?.test(fake.text)).toBe(true);
    },
  );

  it.each(Object.entries(ALSO_COVERS))('%s is covered by %p', (gitleaksId, { rule, text }) => {
    expect(byId.get(gitleaksId)?.regex?.test(text)).toBe(true);
    expect(scanText(text).map((match) => match.ruleId)).toContain(rule);
  });

  it('covers every self-identifying gitleaks format, or says why not', () => {
    const unaccounted = selfIdentifying.map((rule) => rule.id).filter((id) => !referenced.has(id) && !(id in ALSO_COVERS) && !(id in NOT_COVERED));
    expect(unaccounted).toEqual([]);
    expect(selfIdentifying.length).toBeGreaterThan(100);
    // and the path-only rule (pkcs12-file) is a file-name rule here
    expect(rules.filter((rule) => rule.pathOnly).map((rule) => rule.id)).toEqual(['pkcs12-file']);
    expect(referenced.has('pkcs12-file')).toBe(true);
  });
});
