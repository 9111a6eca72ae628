import { createHmac } from 'node:crypto';
import { ALNUM, base64Lines, BASE64, BASE64URL, DIGITS, HEX, LOWER, mixed, type randomSource, UPPER, uuid } from './random-text.js';

type Random = ReturnType<typeof randomSource>;

/**
 * A fake secret of one format inside a realistic line, generated at test time so that no secret is ever committed.
 * `secret` is what the rule fingerprints (a key body without line breaks). Negatives must not be found by this rule.
 */
export interface FakeSecret {
  secret: string;
  text: string;
  negatives?: string[];
  /** Half of the secret is still a valid secret of this format (a key body, a password). */
  halfStillMatches?: boolean;
}

const b64url = (json: object): string => Buffer.from(JSON.stringify(json)).toString('base64url');
const token = (prefix: string, body: string, name = 'TOKEN'): FakeSecret => ({ secret: prefix + body, text: `${name}="${prefix}${body}"\n` });
const bare = (secret: string, line: (s: string) => string): FakeSecret => ({ secret, text: line(secret) });

function pem(r: Random, label: string, headers = ''): FakeSecret {
  const lines = base64Lines(r, 12);
  return {
    secret: lines.join(''),
    text: `-----BEGIN ${label}-----\n${headers}${lines.join('\n')}\n-----END ${label}-----\n`,
    halfStillMatches: true,
    negatives: [`-----BEGIN ${label}-----\n...\n-----END ${label}-----\n`, `-----BEGIN ${label}-----\n${'x'.repeat(64)}\n-----END ${label}-----\n`],
  };
}

/** A JWT really signed (HS256) with `key`, as library READMEs print them. */
function signedJwt(claims: object, key: string): string {
  const signed = `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url(claims)}`;
  return `${signed}.${createHmac('sha256', key).update(signed).digest('base64url')}`;
}

function jwt(r: Random, claims: object): string {
  return `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url(claims)}.${r(BASE64URL, 43)}`;
}

function credentialUrl(r: Random, scheme: string, host: string): FakeSecret {
  const password = mixed(r, 16);
  return {
    secret: password,
    text: `url: "${scheme}://svc_app:${password}@${host}/data"\n`,
    halfStillMatches: true,
    negatives: [`${scheme}://svc_app:password@${host}/data`, `${scheme}://svc_app:\${APP_PASSWORD}@${host}/data`, `${scheme}://${host}/data`],
  };
}

/** One generator per content rule id. */
export const FAKE_SECRETS: Record<string, (r: Random) => FakeSecret> = {
  'secret.private-key': (r) => pem(r, 'RSA PRIVATE KEY'),
  'secret.openssh-private-key': (r) => pem(r, 'OPENSSH PRIVATE KEY'),
  'secret.pgp-private-key': (r) => pem(r, 'PGP PRIVATE KEY BLOCK', 'Version: GnuPG v2\n\n'),
  'secret.putty-private-key': (r) => {
    const line = r(BASE64, 64);
    const text = `PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: deploy\nPublic-Lines: 2\n${r(BASE64, 64)}\n${r(BASE64, 20)}\nPrivate-Lines: 1\n${line}\nPrivate-MAC: ${r(HEX, 64)}\n`;
    return { secret: line, text, halfStillMatches: true };
  },
  'secret.age-secret-key': (r) => bare('AGE-SECRET-KEY-1' + r('QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L', 58), (s) => `# public key: age1...\n${s}\n`),
  'secret.aws-access-key-id': (r) => ({ ...bare('AK' + 'IA' + r(UPPER + '234567', 16), (s) => `aws_access_key_id = ${s}\n`), negatives: ['AK' + 'IA' + 'IOSFODNN7' + 'EXAMPLE'] }),
  'secret.aws-secret-access-key': (r) => ({
    ...bare(mixed(r, 38) + '/+', (s) => `aws_secret_access_key = ${s}\n`),
    negatives: ['aws_secret_access_key = ' + 'wJalrXUtnFEMI/K7MDENG/' + 'bPxRfiCYEXAMPLEKEY'],
  }),
  'secret.aws-bedrock-api-key': (r) => token('AB' + 'SK', r(BASE64, 120), 'AWS_BEARER_TOKEN_BEDROCK'),
  'secret.gcp-api-key': (r) => token('AI' + 'za', r(BASE64URL, 35), 'GOOGLE_API_KEY'),
  'secret.gcp-oauth-client-secret': (r) => token('GOCSPX-', r(BASE64URL, 28), 'GOOGLE_CLIENT_SECRET'),
  'secret.azure-storage-account-key': (r) =>
    bare(r(BASE64, 86) + '==', (s) => `AZURE_STORAGE="DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=${s};EndpointSuffix=core.example"\n`),
  'secret.azure-ad-client-secret': (r) => token(r(ALNUM, 3) + r(DIGITS, 1) + 'Q~', r(ALNUM + '_~.', 34), 'AZURE_CLIENT_SECRET'),
  'secret.digitalocean-pat': (r) => token('dop_v1_', r(HEX, 64), 'DIGITALOCEAN_TOKEN'),
  'secret.digitalocean-oauth-token': (r) => token('doo_v1_', r(HEX, 64), 'DO_OAUTH_TOKEN'),
  'secret.alibaba-access-key-id': (r) => token('LT' + 'AI', r(ALNUM, 20), 'ALIBABA_CLOUD_ACCESS_KEY_ID'),
  'secret.tencent-cloud-secret-id': (r) => token('AK' + 'ID', r(ALNUM, 32), 'TENCENTCLOUD_SECRET_ID'),
  'secret.heroku-api-key': (r) => token('HRKU-AA', r(BASE64URL, 58), 'HEROKU_API_KEY'),
  'secret.cloudflare-api-token': (r) => token('cfat_', r(ALNUM, 40) + r(HEX, 8), 'CLOUDFLARE_API_TOKEN'),
  'secret.cloudflare-global-api-key': (r) => token('cfk_', r(ALNUM, 40) + r(HEX, 8), 'CLOUDFLARE_API_KEY'),
  'secret.cloudflare-origin-ca-key': (r) => token('v1.0-', `${r(HEX, 24)}-${r(HEX, 146)}`, 'CLOUDFLARE_ORIGIN_CA_KEY'),
  'secret.github-pat': (r) => ({ ...token('gh' + 'p_', r(ALNUM, 36), 'GITHUB_TOKEN'), negatives: ['gh' + 'p_' + '16C7e42F292c6912E7710c838347Ae178B4a'] }),
  'secret.github-fine-grained-pat': (r) => token('github' + '_pat_', `11${r(ALNUM, 20)}_${r(ALNUM, 59)}`, 'GH_TOKEN'),
  'secret.github-oauth-token': (r) => token('gh' + 'o_', r(ALNUM, 36)),
  'secret.github-app-token': (r) => token('gh' + 's_', r(ALNUM, 36)),
  'secret.github-refresh-token': (r) => token('gh' + 'r_', r(ALNUM, 36)),
  'secret.gitlab-pat': (r) => token('gl' + 'pat-', r(ALNUM, 20), 'GITLAB_TOKEN'),
  'secret.gitlab-pipeline-trigger-token': (r) => token('glptt-', r(HEX, 40)),
  'secret.gitlab-runner-token': (r) => token('glrt-', r(ALNUM, 20), 'RUNNER_TOKEN'),
  'secret.gitlab-deploy-token': (r) => token('gldt-', r(ALNUM, 20)),
  'secret.gitlab-ci-job-token': (r) => token('glcbt-', `${r(ALNUM, 2)}_${r(ALNUM, 20)}`),
  'secret.gitlab-feed-token': (r) => token('glft-', r(ALNUM, 20)),
  'secret.gitlab-agent-token': (r) => token('glagent-', r(ALNUM, 50)),
  'secret.gitlab-oauth-app-secret': (r) => token('gloas-', r(ALNUM, 64)),
  'secret.atlassian-api-token': (r) => token('ATATT3', r(ALNUM, 186), 'JIRA_API_TOKEN'),
  'secret.bitbucket-app-password': (r) => token('ATBB', r(ALNUM, 32), 'BITBUCKET_APP_PASSWORD'),
  'secret.circleci-token': (r) => token('CCIPAT_', `${r(ALNUM, 22)}_${r(HEX, 40)}`, 'CIRCLECI_TOKEN'),
  'secret.buildkite-token': (r) => token('bkua_', r(HEX, 40), 'BUILDKITE_API_TOKEN'),
  'secret.jfrog-api-key': (r) => token('AKCp', r(ALNUM, 69), 'ARTIFACTORY_API_KEY'),
  'secret.jfrog-reference-token': (r) => token('cmVmdGtuOjAxOj', r(ALNUM, 50), 'JFROG_ACCESS_TOKEN'),
  'secret.sonarqube-token': (r) => token('sqp_', r(HEX, 40), 'SONAR_TOKEN'),
  'secret.harness-api-key': (r) => token('pat.', `${r(BASE64URL, 22)}.${r(ALNUM, 24)}.${r(ALNUM, 20)}`, 'HARNESS_API_KEY'),
  'secret.octopus-deploy-api-key': (r) => token('API-', r(UPPER + DIGITS, 26), 'OCTOPUS_API_KEY'),
  'secret.vault-service-token': (r) => token('hvs.', r(BASE64URL, 100), 'VAULT_TOKEN'),
  'secret.vault-batch-token': (r) => token('hvb.', r(BASE64URL, 150), 'VAULT_TOKEN'),
  'secret.terraform-cloud-token': (r) => token(r(LOWER + DIGITS, 14), `.atlasv1.${r(ALNUM, 64)}`, 'TFE_TOKEN'),
  'secret.pulumi-access-token': (r) => token('pul-', r(HEX, 40), 'PULUMI_ACCESS_TOKEN'),
  'secret.doppler-token': (r) => token('dp.pt.', r(ALNUM, 43), 'DOPPLER_TOKEN'),
  'secret.databricks-token': (r) => token('dapi', r(HEX, 32), 'DATABRICKS_TOKEN'),
  'secret.vercel-token': (r) => token('vcp_', r(ALNUM, 40), 'VERCEL_TOKEN'),
  'secret.netlify-token': (r) => token('nfp_', r(ALNUM, 36), 'NETLIFY_AUTH_TOKEN'),
  'secret.supabase-token': (r) => token('sbp_', r(HEX, 40), 'SUPABASE_ACCESS_TOKEN'),
  'secret.planetscale-token': (r) => token('pscale_tkn_', r(ALNUM, 43), 'PLANETSCALE_SERVICE_TOKEN'),
  'secret.flyio-token': (r) => token('fo1_', r(BASE64URL, 43), 'FLY_API_TOKEN'),
  'secret.tailscale-key': (r) => token('tskey-auth-', `${r(ALNUM, 12)}-${r(ALNUM, 32)}`, 'TS_AUTHKEY'),
  'secret.dynatrace-token': (r) => token('dt0c01.', `${r(UPPER + DIGITS, 24)}.${r(UPPER + DIGITS, 64)}`, 'DT_API_TOKEN'),
  'secret.grafana-cloud-token': (r) => token('glc_', r(ALNUM, 48), 'GRAFANA_CLOUD_TOKEN'),
  'secret.grafana-service-account-token': (r) => token('glsa_', `${r(ALNUM, 32)}_${r(HEX, 8)}`, 'GRAFANA_TOKEN'),
  'secret.grafana-api-key': (r) => token('eyJrIjoi', r(ALNUM, 80), 'GRAFANA_API_KEY'),
  'secret.new-relic-user-api-key': (r) => token('NRAK-', r(UPPER + DIGITS, 27), 'NEW_RELIC_API_KEY'),
  'secret.sentry-user-token': (r) => token('sntryu_', r(HEX, 64), 'SENTRY_AUTH_TOKEN'),
  'secret.npm-access-token': (r) => token('np' + 'm_', r(ALNUM, 36), 'NPM_TOKEN'),
  'secret.npmrc-auth': (r) => ({
    ...bare(r(ALNUM, 36), (s) => `//registry.example/:_authToken=${s}\n`),
    halfStillMatches: true,
    negatives: ['//registry.example/:_authToken=${NPM_TOKEN}\n'],
  }),
  'secret.pypi-token': (r) => token('pypi-AgEIcHlwaS5vcmc', r(BASE64URL, 70), 'TWINE_PASSWORD'),
  'secret.rubygems-api-key': (r) => token('rubygems_', r(HEX, 48), 'GEM_HOST_API_KEY'),
  'secret.nuget-api-key': (r) => token('oy2', r(LOWER + DIGITS, 43), 'NUGET_API_KEY'),
  'secret.clojars-token': (r) => token('CLOJARS_', r(LOWER + DIGITS, 60), 'CLOJARS_PASSWORD'),
  'secret.docker-hub-token': (r) => token('dckr_pat_', r(BASE64URL, 27), 'DOCKERHUB_TOKEN'),
  'secret.docker-config-auth': (r) => ({
    ...bare(Buffer.from(`ci-bot:${mixed(r, 20)}`).toString('base64'), (s) => `{"auths":{"registry.example":{"auth":"${s}"}}}\n`),
    halfStillMatches: true,
    negatives: [`{"auths":{"registry.example":{"auth":"${Buffer.from('no colon here at all').toString('base64')}"}}}`],
  }),
  'secret.docker-config-identity-token': (r) => ({
    ...bare(r(BASE64URL, 48), (s) => `{"auths":{"registry.example":{"identitytoken":"${s}"}}}\n`),
    halfStillMatches: true,
    negatives: ['{"identitytoken": "${REGISTRY_TOKEN}"}'],
  }),
  // two number groups already make a bot token (older tokens have no third part)
  'secret.slack-bot-token': (r) => ({ ...token('xo' + 'xb-', `${r(DIGITS, 12)}-${r(DIGITS, 13)}-${r(ALNUM, 24)}`, 'SLACK_BOT_TOKEN'), halfStillMatches: true }),
  'secret.slack-user-token': (r) => token('xo' + 'xp-', `${r(DIGITS, 12)}-${r(DIGITS, 12)}-${r(DIGITS, 13)}-${r(HEX, 32)}`, 'SLACK_USER_TOKEN'),
  'secret.slack-legacy-token': (r) => ({ ...token('xo' + 'xa-', `2-${r(ALNUM, 30)}`, 'SLACK_TOKEN'), halfStillMatches: true }),
  'secret.slack-app-token': (r) => token('xa' + 'pp-', `1-A${r(UPPER + DIGITS, 10)}-${r(DIGITS, 13)}-${r(LOWER + DIGITS, 64)}`, 'SLACK_APP_TOKEN'),
  'secret.slack-config-token': (r) => token('xo' + 'xe.xoxp-', `1-${r(ALNUM, 166)}`, 'SLACK_CONFIG_TOKEN'),
  'secret.slack-webhook-url': (r) =>
    bare(`T${r(UPPER + DIGITS, 8)}/B${r(UPPER + DIGITS, 8)}/${r(ALNUM, 24)}`, (s) => `SLACK_WEBHOOK=https://hooks.slack.com/services/${s}\n`),
  'secret.discord-webhook-url': (r) => bare(`${r(DIGITS, 18)}/${r(BASE64URL, 68)}`, (s) => `DISCORD_WEBHOOK=https://discord.com/api/webhooks/${s}\n`),
  'secret.teams-webhook-url': (r) =>
    bare(`${uuid(r)}@${uuid(r)}/IncomingWebhook/${r(HEX, 32)}/${uuid(r)}`, (s) => `TEAMS_WEBHOOK=https://acme.webhook.office.com/webhookb2/${s}\n`),
  'secret.telegram-bot-token': (r) => token(r(DIGITS, 9), `:AA${r(BASE64URL, 33)}`, 'TELEGRAM_BOT_TOKEN'),
  'secret.twilio-api-key': (r) => token('SK', r(HEX, 32), 'TWILIO_API_KEY'),
  'secret.sendgrid-api-key': (r) => token('SG.', `${r(BASE64URL, 22)}.${r(BASE64URL, 43)}`, 'SENDGRID_API_KEY'),
  'secret.mailgun-api-key': (r) => token('key-', r(HEX, 32), 'MAILGUN_API_KEY'),
  'secret.mailchimp-api-key': (r) => token(r(HEX, 32), '-us12', 'MAILCHIMP_API_KEY'),
  'secret.brevo-api-key': (r) => token('xkeysib-', `${r(HEX, 64)}-${r(ALNUM, 16)}`, 'BREVO_API_KEY'),
  'secret.stripe-live-secret-key': (r) => token('sk_' + 'live_', r(ALNUM, 24), 'STRIPE_SECRET_KEY'),
  'secret.stripe-test-secret-key': (r) => ({ ...token('sk_' + 'test_', r(ALNUM, 24), 'STRIPE_SECRET_KEY'), negatives: ['sk_' + 'test_' + '4eC39HqLyjWDarjtT1zdp7dc'] }),
  'secret.stripe-webhook-secret': (r) => token('whsec_', r(ALNUM, 32), 'STRIPE_WEBHOOK_SECRET'),
  'secret.square-access-token': (r) => token('sq0atp-', r(BASE64URL, 22), 'SQUARE_ACCESS_TOKEN'),
  'secret.square-oauth-secret': (r) => token('sq0csp-', r(BASE64URL, 43), 'SQUARE_APP_SECRET'),
  'secret.braintree-access-token': (r) => token('access_token$production$', `${r(LOWER + DIGITS, 16)}$${r(HEX, 32)}`, 'BRAINTREE_TOKEN'),
  'secret.flutterwave-secret-key': (r) => token('FLWSECK_TEST-', `${r('abcdefgh' + DIGITS, 32)}-X`, 'FLW_SECRET_KEY'),
  'secret.shopify-token': (r) => token('shpat_', r(HEX, 32), 'SHOPIFY_ACCESS_TOKEN'),
  'secret.plaid-access-token': (r) => token('access-production-', uuid(r), 'PLAID_ACCESS_TOKEN'),
  'secret.shippo-token': (r) => token('shippo_live_', r(HEX, 40), 'SHIPPO_TOKEN'),
  'secret.easypost-api-key': (r) => token('EZAK', r(ALNUM, 54), 'EASYPOST_API_KEY'),
  'secret.duffel-token': (r) => token('duffel_test_', r(BASE64URL, 43), 'DUFFEL_ACCESS_TOKEN'),
  'secret.openai-api-key': (r) => token('sk-proj-', `${r(BASE64URL, 74)}T3BlbkFJ${r(BASE64URL, 74)}`, 'OPENAI_API_KEY'),
  'secret.anthropic-api-key': (r) => token('sk-ant-api03-', `${r(BASE64URL, 93)}AA`, 'ANTHROPIC_API_KEY'),
  'secret.groq-api-key': (r) => token('gsk_', r(ALNUM, 52), 'GROQ_API_KEY'),
  'secret.huggingface-token': (r) => token('hf_', r(UPPER + LOWER, 34), 'HF_TOKEN'),
  'secret.perplexity-api-key': (r) => token('pplx-', r(ALNUM, 48), 'PPLX_API_KEY'),
  'secret.replicate-api-token': (r) => token('r8_', r(ALNUM, 37), 'REPLICATE_API_TOKEN'),
  'secret.notion-token': (r) => token('ntn_', r(DIGITS, 11) + r(ALNUM, 35), 'NOTION_TOKEN'),
  'secret.linear-api-key': (r) => token('lin_api_', r(ALNUM, 40), 'LINEAR_API_KEY'),
  'secret.figma-token': (r) => token('figd_', r(BASE64URL, 40), 'FIGMA_TOKEN'),
  'secret.1password-service-account-token': (r) => token('ops_eyJ', r(ALNUM, 300), 'OP_SERVICE_ACCOUNT_TOKEN'),
  'secret.1password-secret-key': (r) => {
    const g = (n: number): string => r(UPPER + DIGITS, n);
    return token('A3-', `${g(6)}-${g(11)}-${g(5)}-${g(5)}-${g(5)}`, 'OP_SECRET_KEY');
  },
  'secret.postman-api-key': (r) => token('PMAK-', `${r(HEX, 24)}-${r(HEX, 34)}`, 'POSTMAN_API_KEY'),
  'secret.prefect-api-key': (r) => token('pnu_', r(ALNUM, 36), 'PREFECT_API_KEY'),
  'secret.typeform-token': (r) => token('tfp_', r(ALNUM, 59), 'TYPEFORM_TOKEN'),
  'secret.airtable-pat': (r) => token('pat', `${r(ALNUM, 14)}.${r(HEX, 64)}`, 'AIRTABLE_TOKEN'),
  'secret.hubspot-private-app-token': (r) => token('pat-na1-', uuid(r), 'HUBSPOT_ACCESS_TOKEN'),
  'secret.mapbox-secret-token': (r) => token('sk.eyJ1Ijoi', `${r(BASE64URL, 60)}.${r(BASE64URL, 22)}`, 'MAPBOX_SECRET_TOKEN'),
  'secret.openshift-token': (r) => token('sha256~', r(BASE64URL, 43), 'OPENSHIFT_TOKEN'),
  'secret.gitlab-scim-token': (r) => token('glsoat-', r(ALNUM, 20)),
  'secret.gitlab-incoming-mail-token': (r) => token('glimt-', r(ALNUM, 25)),
  'secret.gitlab-feature-flag-token': (r) => token('glffct-', r(ALNUM, 20)),
  'secret.gitlab-session-cookie': (r) => bare(r(LOWER + DIGITS, 32), (s) => `Cookie: _gitlab_session=${s}; path=/\n`),
  'secret.sourcegraph-token': (r) => token('sgp_', `${r(HEX, 16)}_${r(HEX, 40)}`, 'SRC_ACCESS_TOKEN'),
  'secret.clickhouse-cloud-secret': (r) => token('4b1d', r(ALNUM, 38), 'CLICKHOUSE_SECRET_KEY'),
  'secret.infracost-api-key': (r) => token('ico-', r(ALNUM, 32), 'INFRACOST_API_KEY'),
  'secret.scalingo-api-token': (r) => token('tk-us-', r(BASE64URL, 48), 'SCALINGO_API_TOKEN'),
  'secret.settlemint-token': (r) => token('sm_pat_', r(ALNUM, 16), 'SETTLEMINT_ACCESS_TOKEN'),
  'secret.authress-access-key': (r) =>
    token('sc_', `${r(LOWER + DIGITS, 10)}.${r(LOWER + DIGITS, 5)}.acc_${r(LOWER + DIGITS, 20)}.${r(BASE64, 60)}`, 'AUTHRESS_KEY'),
  'secret.sentry-org-token': (r) => token('sntrys_', `eyJpYXQiO${r(ALNUM, 30)}LCJyZWdpb25fdXJs${r(ALNUM, 30)}_${r(ALNUM, 43)}`, 'SENTRY_AUTH_TOKEN'),
  'secret.adobe-client-secret': (r) => token('p8e-', r(ALNUM, 32), 'ADOBE_CLIENT_SECRET'),
  'secret.maxmind-license-key': (r) => bare(`${r(ALNUM, 6)}_${r(ALNUM, 29)}_mmk`, (s) => `MAXMIND_LICENSE_KEY="${s}"\n`),
  'secret.readme-api-key': (r) => token('rdme_', r(LOWER + DIGITS, 70), 'README_API_KEY'),
  'secret.frameio-token': (r) => token('fio-u-', r(BASE64URL, 64), 'FRAMEIO_TOKEN'),
  'secret.intra42-client-secret': (r) => token('s-s4t2ud-', r(HEX, 64), 'FT_CLIENT_SECRET'),
  'secret.facebook-access-token': (r) => token('EA' + 'AC', r(ALNUM, 150), 'FB_PAGE_TOKEN'),
  'secret.flutterwave-encryption-key': (r) => token('FLWSECK_TEST-', r('abcdefgh' + DIGITS, 12), 'FLW_ENCRYPTION_KEY'),
  'secret.nuget-config-password': (r) => ({
    ...bare(mixed(r, 20), (s) => `<packageSourceCredentials><feed><add key="Username" value="ci" /><add key="ClearTextPassword" value="${s}" /></feed></packageSourceCredentials>\n`),
    halfStillMatches: true,
    negatives: ['<add key="ClearTextPassword" value="%NUGET_PASSWORD%" />'],
  }),
  'secret.curl-basic-auth': (r) => ({
    ...bare(mixed(r, 18), (s) => `curl -fsSL -u deploy:${s} https://files.internal.example/artifact.tgz -o a.tgz\n`),
    halfStillMatches: true,
    negatives: ['curl -u deploy:$DEPLOY_PASSWORD https://files.internal.example/a', 'curl -u "$USER:$PASS" https://files.internal.example/a'],
  }),
  'secret.url-basic-auth': (r) => credentialUrl(r, 'https', 'files.internal.example'),
  'secret.postgres-url': (r) => credentialUrl(r, 'postgresql', 'db.internal.example:5432'),
  'secret.mysql-url': (r) => credentialUrl(r, 'mysql', 'db.internal.example:3306'),
  'secret.mongodb-url': (r) => credentialUrl(r, 'mongodb+srv', 'cluster0.internal.example'),
  'secret.redis-url': (r) => credentialUrl(r, 'rediss', 'cache.internal.example:6380'),
  'secret.amqp-url': (r) => credentialUrl(r, 'amqps', 'mq.internal.example:5671'),
  'secret.git-url-oauth-token': (r) => ({
    ...bare(r(HEX, 40), (s) => `"acme-lib": "git+https://${s}:x-oauth-basic@git.example/acme/lib.git"\n`),
    halfStillMatches: true,
    negatives: ['"acme-lib": "git+https://git.example/acme/lib.git"'],
  }),
  'secret.jwt': (r) => ({
    ...bare(jwt(r, { sub: `svc-${r(LOWER, 8)}`, iat: 1_700_000_000 }), (s) => `API_JWT=${s}\n`),
    negatives: [
      `API_JWT=${jwt(r, { sub: '1234567890', name: 'John Doe', iat: 1_516_239_022 })}`,
      `API_JWT=${b64url({ alg: 'none' })}.${b64url({ sub: 'anyone' })}.${r(BASE64URL, 20)}`,
      `SUPABASE_ANON_KEY=${jwt(r, { iss: 'supabase', role: 'anon' })}`,
      `API_JWT=${signedJwt({ some: 'payload' }, 'secret')}`,
    ],
  }),
  'secret.http-authorization-header': (r) => ({
    ...bare(r(BASE64URL, 40), (s) => `curl -sf -H "Authorization: Bearer ${s}" https://api.internal.example/v1/items\n`),
    halfStillMatches: true,
    negatives: ['curl -H "Authorization: Bearer $API_TOKEN" https://api.internal.example'],
  }),
  'secret.netrc-password': (r) => ({
    ...bare(mixed(r, 20), (s) => `machine git.internal.example\n  login deploy\n  password ${s}\n`),
    halfStillMatches: true,
    negatives: ['machine git.internal.example login deploy password xxxxxxxx\n'],
  }),
  'secret.generic-keyword-assignment': (r) => ({
    ...bare(mixed(r, 22), (s) => `DB_PASSWORD="${s}"\n`),
    halfStillMatches: true,
    negatives: ['DB_PASSWORD=changeme\n', 'DB_PASSWORD=${DB_PASSWORD}\n', 'password: <password>\n', 'DB_PASSWORD_FILE=/run/secrets/db\n', 'token: string;\n', 'sort_key = "aB3dEf9hIj2kLm"\n'],
  }),
};
