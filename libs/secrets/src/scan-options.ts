import { DEFAULT_PATH_POLICIES, globToRegExp, matchesAny, type PathPolicy } from './path-globs.js';
import { type ScanTextOptions } from './secret-scanner.js';

/** Options of an image scan, shared by `secretInspector` and `secretHits` (pass both the same object). */
export interface SecretScanOptions extends Pick<ScanTextOptions, 'allowValues' | 'disabledRules'> {
  /** Files larger than this are not read and are counted as oversize (default 5 MiB). */
  maxFileBytes?: number;
  /** Path patterns (see README, `globToRegExp`) that are neither read nor reported: `/usr/share/doc/**`, `**\/test/fixtures/**`. */
  allowPaths?: readonly string[];
  /** Apply DEFAULT_PATH_POLICIES (certificate stores and package docs: private keys only); default true. */
  defaultPolicies?: boolean;
}

/** Files above this many bytes are not read (5 MiB). */
export const DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;

/** Options with defaults applied and path patterns compiled. */
export interface ResolvedScanOptions {
  maxFileBytes: number;
  textOptions: Pick<ScanTextOptions, 'allowValues' | 'disabledRules'>;
  isAllowlisted: (path: string) => boolean;
  policyOf: (path: string) => PathPolicy | undefined;
}

/** The options with defaults applied and patterns compiled; a non-positive `maxFileBytes` is a RangeError. */
export function resolveScanOptions(options: SecretScanOptions = {}): ResolvedScanOptions {
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  if (!(Number.isFinite(maxFileBytes) && maxFileBytes > 0)) throw new RangeError('secret scan option maxFileBytes must be a positive number');
  const allowed = (options.allowPaths ?? []).map(globToRegExp);
  const policies = (options.defaultPolicies === false ? [] : DEFAULT_PATH_POLICIES).map((policy) => ({ policy, globs: policy.globs.map(globToRegExp) }));
  return {
    maxFileBytes,
    textOptions: { allowValues: options.allowValues, disabledRules: options.disabledRules },
    isAllowlisted: (path) => matchesAny(path, allowed),
    policyOf: (path) => policies.find(({ globs }) => matchesAny(path, globs))?.policy,
  };
}
