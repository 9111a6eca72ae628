import { APK_INSTALLED } from './apk-database.js';
import { APK_PROTECTED_PATHS_D } from './apk-protected-paths.js';
import { AUTHORIZED_KEYS_FILE } from './authorized-keys.js';
import { CRONTAB_FILE } from './cron.js';
import { DPKG_DIVERSIONS, DPKG_MD5SUMS, DPKG_STATUS } from './dpkg-database.js';

const EXACT = new Set(['/etc/passwd', '/etc/group', DPKG_STATUS, DPKG_DIVERSIONS, ...APK_INSTALLED]);
const PATTERNS = [DPKG_MD5SUMS, APK_PROTECTED_PATHS_D, CRONTAB_FILE, AUTHORIZED_KEYS_FILE];

/** Final-filesystem files whose content a build profile reads: accounts, package checksums, crontabs, SSH keys. */
export const wantsProfileContent = (path: string): boolean => EXACT.has(path) || PATTERNS.some((pattern) => pattern.test(path));
