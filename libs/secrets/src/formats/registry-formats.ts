import { isDummyValue, isDummyPassword, looksLikeCode } from '../dummy-values.js';
import { pattern, PRIORITY, type SecretFormat, tokenFormat } from '../secret-format.js';

const ALNUM = 'A-Za-z0-9';
const VARIABLE = /\$\{|^\$[A-Za-z_]/;

/** A Docker `auths` entry is base64 of `user:password`; anything else is not a credential. */
function isDockerAuth(secret: string): boolean {
  const decoded = Buffer.from(secret, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0 || !/^[\x20-\x7e]+$/.test(decoded)) return false;
  return !isDummyPassword(decoded.slice(colon + 1), decoded.slice(0, colon));
}

/** Package and container registry credentials. */
export const REGISTRY_FORMATS: readonly SecretFormat[] = [
  tokenFormat({
    id: 'secret.npm-access-token',
    title: 'npm access token',
    severity: 'high',
    grants: 'publishing and reading packages on the npm registry as its user',
    keywords: ['npm_'],
    body: `npm_[${ALNUM}]{36}`,
    gitleaks: 'npm-access-token',
  }),
  {
    id: 'secret.npmrc-auth',
    title: 'npm registry credential in .npmrc',
    severity: 'high',
    grants: 'publishing and reading packages on the configured registry as its user',
    keywords: ['_auth', '_password'],
    // a key at the start of a line or after a registry prefix (`//host/:_authToken=`), as .npmrc writes it
    pattern: pattern(`(?<![^\\r\\n:])(?<name>_(?:authToken|auth|password))[ \\t]{0,4}=[ \\t]{0,4}["']?(?<secret>[^\\s"'#;]{8,2048})`, true),
    priority: PRIORITY.context,
    // an `${NPM_TOKEN}` reference is the recommended way to keep the token out of the file
    accept: (secret) => !VARIABLE.test(secret) && !looksLikeCode(secret),
  },
  {
    id: 'secret.nuget-config-password',
    title: 'package source password in NuGet.Config',
    severity: 'high',
    grants: 'the NuGet feed (often a private Azure Artifacts or GitHub Packages feed) as the configured user',
    keywords: ['<add'],
    pattern: pattern(`<add[ \\t]{1,4}key=["'](?:ClearText)?Password["'][ \\t]{1,4}value=["'](?<secret>[^"'\\r\\n]{8,200})["']`, true),
    priority: PRIORITY.context,
    gitleaks: 'nuget-config-password',
    accept: (secret) => !isDummyValue(secret),
  },
  tokenFormat({
    id: 'secret.pypi-token',
    title: 'PyPI API token',
    severity: 'high',
    grants: 'uploading releases of the projects it is scoped to (or all of its user’s projects)',
    keywords: ['pypi-age'],
    body: 'pypi-AgE(?:IcHlwaS5vcmc|NdGVzdC5weXBpLm9yZw)[\\w-]{50,1000}',
    gitleaks: 'pypi-upload-token',
  }),
  tokenFormat({
    id: 'secret.rubygems-api-key',
    title: 'RubyGems API key',
    severity: 'high',
    grants: 'pushing and yanking gems as its user',
    keywords: ['rubygems_'],
    body: 'rubygems_[a-f0-9]{48}',
    gitleaks: 'rubygems-api-token',
  }),
  tokenFormat({
    id: 'secret.nuget-api-key',
    title: 'NuGet API key',
    severity: 'high',
    grants: 'pushing and unlisting packages on the NuGet Gallery as its user',
    keywords: ['oy2'],
    body: 'oy2[a-z0-9]{43}',
  }),
  tokenFormat({
    id: 'secret.clojars-token',
    title: 'Clojars deploy token',
    severity: 'high',
    grants: 'deploying artifacts to Clojars as its user',
    keywords: ['clojars_'],
    body: 'CLOJARS_[a-z0-9]{60}',
    shape: { caseInsensitive: true },
    gitleaks: 'clojars-api-token',
  }),
  tokenFormat({
    id: 'secret.docker-hub-token',
    title: 'Docker Hub access token',
    severity: 'high',
    grants: 'pulling and pushing the Docker Hub repositories of its user or organisation',
    keywords: ['dckr_pat_', 'dckr_oat_'],
    body: 'dckr_(?:pat|oat)_[\\w-]{27,40}',
  }),
  {
    id: 'secret.docker-config-auth',
    title: 'registry credential in Docker config.json',
    severity: 'high',
    grants: 'the registry as the user whose name and password it encodes',
    keywords: ['"auth"'],
    pattern: pattern('"auth"[ \\t]{0,4}:[ \\t]{0,4}"(?<secret>[A-Za-z0-9+/]{8,2048}={0,2})"'),
    priority: PRIORITY.context,
    accept: isDockerAuth,
  },
  {
    id: 'secret.docker-config-identity-token',
    title: 'registry identity token in Docker config.json',
    severity: 'high',
    grants: 'the registry as the user it was issued to',
    keywords: ['"identitytoken"', '"registrytoken"'],
    pattern: pattern('"(?:identitytoken|registrytoken)"[ \\t]{0,4}:[ \\t]{0,4}"(?<secret>[^"\\s]{16,4096})"', true),
    priority: PRIORITY.context,
    accept: (secret) => !VARIABLE.test(secret),
  },
];
