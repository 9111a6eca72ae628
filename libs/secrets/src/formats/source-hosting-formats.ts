import { type SecretFormat, tokenFormat } from '../secret-format.js';

const ALNUM = 'A-Za-z0-9';
// the token GitHub's documentation shows when it explains personal access tokens
const GITHUB_DOC_PAT = 'ghp_' + '16C7e42F292c6912E7710c838347Ae178B4a';

/** Source hosting credentials: GitHub, Atlassian (Jira, Confluence, Bitbucket), Sourcegraph. */
export const SOURCE_HOSTING_FORMATS: readonly SecretFormat[] = [
  tokenFormat({
    id: 'secret.github-pat',
    title: 'GitHub personal access token',
    severity: 'high',
    grants: 'the GitHub API and git as the user who created it, within its scopes',
    keywords: ['ghp_'],
    body: `ghp_[${ALNUM}]{36}`,
    gitleaks: 'github-pat',
    examples: [GITHUB_DOC_PAT],
  }),
  tokenFormat({
    id: 'secret.github-fine-grained-pat',
    title: 'GitHub fine-grained personal access token',
    severity: 'high',
    grants: 'the repositories and permissions chosen for it, as the user who created it',
    keywords: ['github_pat_'],
    body: `github_pat_[${ALNUM}]{22}_[${ALNUM}]{59}`,
    gitleaks: 'github-fine-grained-pat',
  }),
  tokenFormat({
    id: 'secret.github-oauth-token',
    title: 'GitHub OAuth access token',
    severity: 'high',
    grants: 'the GitHub API as the user who authorised the OAuth application',
    keywords: ['gho_'],
    body: `gho_[${ALNUM}]{36}`,
    gitleaks: 'github-oauth',
  }),
  tokenFormat({
    id: 'secret.github-app-token',
    title: 'GitHub App token',
    severity: 'high',
    grants: 'the repositories a GitHub App is installed on, as the app or on behalf of a user',
    keywords: ['ghu_', 'ghs_'],
    // classic 36-character tokens and installation tokens that carry the app id and a JWT
    body: `gh[us]_(?:[${ALNUM}]{36}|[0-9]{1,12}_eyJ[\\w-]{10,1000}\\.[\\w-]{10,2000}\\.[\\w-]{10,1000})`,
    gitleaks: 'github-app-token',
  }),
  tokenFormat({
    id: 'secret.github-refresh-token',
    title: 'GitHub refresh token',
    severity: 'high',
    grants: 'new GitHub user-to-server tokens for the app’s user',
    keywords: ['ghr_'],
    body: `ghr_[${ALNUM}]{36,76}`,
    gitleaks: 'github-refresh-token',
  }),
  tokenFormat({
    id: 'secret.atlassian-api-token',
    title: 'Atlassian API token',
    severity: 'high',
    grants: 'Jira, Confluence and Bitbucket Cloud APIs as its user',
    keywords: ['atatt3'],
    body: 'ATATT3[\\w=-]{186}',
    gitleaks: 'atlassian-api-token',
  }),
  tokenFormat({
    id: 'secret.bitbucket-app-password',
    title: 'Bitbucket app password',
    severity: 'high',
    grants: 'Bitbucket Cloud repositories and API as its user',
    keywords: ['atbb'],
    body: `ATBB[${ALNUM}]{32}`,
  }),
  tokenFormat({
    id: 'secret.sourcegraph-token',
    title: 'Sourcegraph access token',
    severity: 'high',
    grants: 'the Sourcegraph instance’s code search and API as its user',
    keywords: ['sgp_'],
    body: 'sgp_(?:(?:[a-f0-9]{16}|local)_)?[a-f0-9]{40}',
    gitleaks: 'sourcegraph-access-token',
  }),
];
