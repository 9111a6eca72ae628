import { type Severity } from '@dhi/contracts';
import { PRIVATE_KEY_RULE_IDS, SELF_IDENTIFYING_RULE_IDS } from './content-formats.js';

/**
 * Path patterns, matched against absolute image paths:
 * - `**` any number of whole path segments (none included): `/usr/share/doc/**`, `**\/test/fixtures/**`;
 * - `*` any characters within one segment, `?` one character within a segment; everything else is literal;
 * - a pattern that does not start with `/` or `**` matches at any depth (`*.pem` is `**\/*.pem`).
 */
export function globToRegExp(glob: string): RegExp {
  const anchored = glob.startsWith('/') || glob.startsWith('**') ? glob : `**/${glob}`;
  let source = '';
  for (let i = 0; i < anchored.length; ) {
    if (anchored.startsWith('**/', i)) {
      source += '(?:.*/)?';
      i += 3;
    } else if (anchored.startsWith('/**', i) && i + 3 === anchored.length) {
      source += '(?:/.*)?';
      i += 3;
    } else if (anchored.startsWith('**', i)) {
      source += '.*';
      i += 2;
    } else {
      const char = anchored[i];
      source += char === '*' ? '[^/]*' : char === '?' ? '[^/]' : char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
      i += 1;
    }
  }
  // a leading `**/` must still start at the root
  return new RegExp(`^${source.startsWith('(?:.*/)?') ? `/?${source}` : source}$`);
}

/** Whether a path matches any of the patterns. */
export function matchesAny(path: string, patterns: readonly RegExp[]): boolean {
  return patterns.some((re) => re.test(path));
}

/** Locations where most secret look-alikes are public by nature: only the listed rules run there. */
export interface PathPolicy {
  name: string;
  globs: readonly string[];
  onlyRules: readonly string[];
  reason: string;
  /** The severity of what is still found there, when lower than the rule's. */
  severity?: Severity;
}

/**
 * Applied by default (`defaultPolicies: false` turns them off); the first that matches a path applies. Certificate stores
 * run the private-key rules only, at full severity. Documentation, the test trees of installed packages and installed
 * packages run the self-identifying formats only (keys and prefixed tokens, not passwords in URLs or generic
 * assignments, which there are examples); in documentation and tests what they find is low: mostly published test
 * material.
 */
export const DEFAULT_PATH_POLICIES: readonly PathPolicy[] = [
  {
    name: 'certificate-store',
    globs: ['/etc/ssl/certs/**', '/usr/share/ca-certificates/**', '/usr/local/share/ca-certificates/**', '/etc/ca-certificates/**', '/etc/pki/ca-trust/**', '/etc/pki/tls/certs/**', '/usr/share/pki/**'],
    onlyRules: PRIVATE_KEY_RULE_IDS,
    reason: 'certificate stores hold public CA certificates; only a private key there is a secret',
  },
  {
    name: 'documentation',
    globs: ['/usr/share/doc/**', '/usr/share/man/**', '/usr/share/info/**', '**/*.md', '**/*.markdown', '**/*.rst', '**/*.adoc', '**/*.dist-info/METADATA', '**/*.egg-info/PKG-INFO', '**/node_modules/**/docs/**'],
    onlyRules: SELF_IDENTIFYING_RULE_IDS,
    reason: 'documentation is full of example credentials; only keys and self-identifying tokens are reported there',
    severity: 'low',
  },
  {
    name: 'package-tests',
    globs: [
      '**/node_modules/**/test/**', '**/node_modules/**/tests/**', '**/node_modules/**/__tests__/**', '**/node_modules/**/*.test.*', '**/node_modules/**/*.spec.*',
      '**/site-packages/**/tests/**', '**/site-packages/**/test/**', '**/dist-packages/**/tests/**', '**/dist-packages/**/test/**', '**/testdata/**',
    ],
    onlyRules: SELF_IDENTIFYING_RULE_IDS,
    reason: 'the test trees of installed packages hold fixtures; only keys and self-identifying tokens are reported there',
    severity: 'low',
  },
  {
    name: 'installed-packages',
    globs: ['**/node_modules/**', '**/site-packages/**', '**/dist-packages/**', '**/vendor/bundle/**', '**/gems/*/gems/**', '**/go/pkg/mod/**', '**/.m2/repository/**'],
    onlyRules: SELF_IDENTIFYING_RULE_IDS,
    reason: 'third-party packages are full of example assignments and URLs; a key or a self-identifying token there is still reported',
  },
];
