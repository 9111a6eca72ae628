import { type SecretFormat, tokenFormat } from '../secret-format.js';

const ALNUM = 'A-Za-z0-9';

/** Monitoring and error-tracking credentials. */
export const OBSERVABILITY_FORMATS: readonly SecretFormat[] = [
  tokenFormat({
    id: 'secret.dynatrace-token',
    title: 'Dynatrace API token',
    severity: 'high',
    grants: 'the Dynatrace environment API: monitoring data, settings, ingest',
    keywords: ['dt0c01.'],
    body: `dt0c01\\.[${ALNUM}]{24}\\.[${ALNUM}]{64}`,
    gitleaks: 'dynatrace-api-token',
  }),
  tokenFormat({
    id: 'secret.grafana-cloud-token',
    title: 'Grafana Cloud access policy token',
    severity: 'high',
    grants: 'the Grafana Cloud stacks and data its access policy covers',
    keywords: ['glc_'],
    body: 'glc_[A-Za-z0-9+/]{32,400}={0,3}',
    shape: { after: 'A-Za-z0-9_+/=-' },
    gitleaks: 'grafana-cloud-api-token',
  }),
  tokenFormat({
    id: 'secret.grafana-service-account-token',
    title: 'Grafana service account token',
    severity: 'high',
    grants: 'the Grafana instance’s API with the service account’s role',
    keywords: ['glsa_'],
    body: `glsa_[${ALNUM}]{32}_[a-fA-F0-9]{8}`,
    gitleaks: 'grafana-service-account-token',
  }),
  tokenFormat({
    id: 'secret.grafana-api-key',
    title: 'Grafana API key',
    severity: 'high',
    grants: 'the Grafana instance’s API with the key’s role',
    keywords: ['eyjrijoi'],
    body: `eyJrIjoi[${ALNUM}]{70,400}={0,3}`,
    shape: { after: 'A-Za-z0-9_+/=-' },
    gitleaks: 'grafana-api-key',
  }),
  tokenFormat({
    id: 'secret.new-relic-user-api-key',
    title: 'New Relic user API key',
    severity: 'high',
    grants: 'the New Relic NerdGraph API as its user: data, alerts, account settings',
    keywords: ['nrak-'],
    body: 'NRAK-[A-Z0-9]{27}',
    gitleaks: 'new-relic-user-api-key',
  }),
  tokenFormat({
    id: 'secret.sentry-user-token',
    title: 'Sentry user auth token',
    severity: 'high',
    grants: 'the Sentry API as its user: projects, issues (with captured data), releases',
    keywords: ['sntryu_'],
    body: 'sntryu_[a-f0-9]{64}',
    gitleaks: 'sentry-user-token',
  }),
  tokenFormat({
    id: 'secret.sentry-org-token',
    title: 'Sentry organization auth token',
    severity: 'high',
    grants: 'uploading releases and source maps to, and reading, the Sentry organisation',
    keywords: ['sntrys_'],
    body: 'sntrys_eyJpYXQiO[A-Za-z0-9+/]{10,200}(?:LCJyZWdpb25fdXJs|InJlZ2lvbl91cmwi|cmVnaW9uX3VybCI6)[A-Za-z0-9+/]{10,200}={0,2}_[A-Za-z0-9+/]{43}',
    shape: { after: 'A-Za-z0-9_+/=-' },
    gitleaks: 'sentry-org-token',
  }),
];
