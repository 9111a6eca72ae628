/** A file whose name (or place) says it holds credentials, reported even when no content rule matched it. */
export interface FileNameRule {
  id: string;
  title: string;
  /** What the file usually gives access to, for the rationale. */
  holds: string;
  matches: (path: string, base: string) => boolean;
  /**
   * Whether the name alone is reported when every version of the file was read as text and held no secret: a `.env`
   * or `id_rsa` is a credential file whatever its format, but a `.pem` with only certificates or an `.npmrc` with
   * `${NPM_TOKEN}` is not.
   */
  reportWithoutContentMatch: boolean;
  gitleaks?: string;
  privateKey?: boolean;
}

// template dotenv files, committed on purpose: `.env.example`, `.env.sample`, …
const DOTENV_TEMPLATE = /\.(?:example|sample|template|tmpl|tpl|dist|defaults?|schema|skel)$/i;
const endsWith = (...suffixes: string[]) => (path: string) => suffixes.some((suffix) => path.endsWith(suffix));

/** File-name rules, in the order a path is tried (the first match reports). */
export const FILE_NAME_RULES: readonly FileNameRule[] = [
  {
    id: 'secret.file-dotenv',
    title: 'dotenv file',
    holds: 'the environment variables of an application, typically its database passwords and API keys',
    matches: (_path, base) => (base === '.env' || base.startsWith('.env.')) && !DOTENV_TEMPLATE.test(base),
    reportWithoutContentMatch: true,
  },
  {
    id: 'secret.file-id-rsa',
    title: 'SSH RSA/DSA identity key file',
    holds: 'an SSH identity: logins wherever its public key is authorised',
    matches: (_path, base) => /^id_(?:rsa|dsa)$/.test(base),
    reportWithoutContentMatch: true,
    privateKey: true,
  },
  {
    id: 'secret.file-id-ed25519',
    title: 'SSH Ed25519/ECDSA identity key file',
    holds: 'an SSH identity: logins wherever its public key is authorised',
    matches: (_path, base) => /^id_(?:ed25519|ecdsa)(?:_sk)?$/.test(base),
    reportWithoutContentMatch: true,
    privateKey: true,
  },
  {
    id: 'secret.file-ssh-host-key',
    title: 'SSH host private key',
    holds: 'the server’s SSH identity: every container from this image shares it, so any of them can be impersonated',
    matches: (path) => /^\/etc\/ssh\/ssh_host_[a-z0-9]+_key$/.test(path),
    reportWithoutContentMatch: true,
    privateKey: true,
  },
  {
    id: 'secret.file-npmrc',
    title: 'npm configuration with a registry credential',
    holds: 'npm registry tokens or passwords',
    matches: (_path, base) => base === '.npmrc',
    reportWithoutContentMatch: false,
  },
  {
    id: 'secret.file-pypirc',
    title: 'PyPI configuration file',
    holds: 'PyPI upload tokens or passwords',
    matches: (_path, base) => base === '.pypirc',
    reportWithoutContentMatch: false,
  },
  {
    id: 'secret.file-git-credentials',
    title: 'git credential store',
    holds: 'git hosting passwords and tokens in clear text',
    matches: (_path, base) => base === '.git-credentials',
    reportWithoutContentMatch: true,
  },
  {
    id: 'secret.file-netrc',
    title: 'netrc file',
    holds: 'logins and passwords for FTP, HTTP and git hosts',
    matches: (_path, base) => base === '.netrc' || base === '_netrc',
    reportWithoutContentMatch: false,
  },
  {
    id: 'secret.file-pem-key',
    title: 'PEM or key file',
    holds: 'a private key when it is not a certificate',
    matches: (_path, base) => /\.(?:pem|key)$/i.test(base),
    reportWithoutContentMatch: false,
    privateKey: true,
  },
  {
    id: 'secret.file-pkcs12',
    title: 'PKCS#12 key store',
    holds: 'private keys with their certificates, protected by a password that is often weak or stored nearby',
    matches: (_path, base) => /\.(?:p12|pfx)$/i.test(base),
    reportWithoutContentMatch: true,
    gitleaks: 'pkcs12-file',
    privateKey: true,
  },
  {
    id: 'secret.file-java-keystore',
    title: 'Java key store',
    holds: 'private keys and secret keys, protected by a password that is often the default',
    matches: (_path, base) => /\.(?:jks|keystore|jceks|bks)$/i.test(base),
    reportWithoutContentMatch: true,
    privateKey: true,
  },
  {
    id: 'secret.file-cloud-credentials',
    title: 'cloud CLI credentials file',
    holds: 'the access keys or OAuth tokens of an AWS, Google Cloud or Azure CLI login',
    matches: endsWith(
      '/.aws/credentials',
      '/.config/gcloud/credentials.db',
      '/.config/gcloud/access_tokens.db',
      '/.config/gcloud/application_default_credentials.json',
      '/.azure/accessTokens.json',
      '/.azure/msal_token_cache.json',
      '/.azure/msal_token_cache.bin',
      '/.azure/service_principal_entries.json',
    ),
    reportWithoutContentMatch: true,
  },
  {
    id: 'secret.file-docker-config',
    title: 'Docker client configuration with registry credentials',
    holds: 'registry logins (`auths`)',
    matches: endsWith('/.docker/config.json'),
    reportWithoutContentMatch: false,
  },
  {
    id: 'secret.file-kubeconfig',
    title: 'kubeconfig with cluster credentials',
    holds: 'Kubernetes client certificates, keys or tokens',
    matches: endsWith('/.kube/config'),
    reportWithoutContentMatch: false,
  },
  {
    id: 'secret.file-password-store',
    title: 'password file',
    holds: 'web or database passwords (or their crackable hashes)',
    matches: (_path, base) => base === '.htpasswd' || base === '.pgpass' || base === '.my.cnf',
    reportWithoutContentMatch: true,
  },
  {
    id: 'secret.file-terraform-credentials',
    title: 'Terraform CLI credentials',
    holds: 'HCP Terraform / Terraform Enterprise API tokens',
    matches: endsWith('/.terraform.d/credentials.tfrc.json'),
    reportWithoutContentMatch: true,
  },
];

/** The file-name rule a path falls under, if any. */
export function fileNameRuleOf(path: string): FileNameRule | undefined {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return FILE_NAME_RULES.find((rule) => rule.matches(path, base));
}
