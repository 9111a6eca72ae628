import { resolveImagePath } from '@dhi/image';
import { APK_INSTALLED, parseApkFiles } from './apk-database.js';
import { APK_DEFAULT_PROTECTED_PATHS, APK_PROTECTED_PATHS_D, parseProtectedPaths, protectModeOf } from './apk-protected-paths.js';
import { contentAt, contentsMatching, type FinalFiles, landingPath } from './final-files.js';
import { compareWithPackage, type IntegrityTally, isUnderEtc } from './integrity-tally.js';

/**
 * Checks every file of apk's installed database against its `Z:` sha1, as `apk audit --system` does: files in
 * protected paths (by default everything under /etc: configuration, init scripts, apk's own settings) are skipped.
 */
export function checkApkFiles(view: FinalFiles, tally: IntegrityTally): void {
  const lists = contentsMatching(view, APK_PROTECTED_PATHS_D).map(([, content]) => content.toString('utf8'));
  const protectedPaths = parseProtectedPaths([APK_DEFAULT_PROTECTED_PATHS, ...lists].join('\n'));
  const seen = new Set<string>();
  for (const database of APK_INSTALLED) {
    // on merged-/usr systems both names lead to one file
    const resolved = resolveImagePath(view.files, database, { implicitDirectories: true });
    const content = contentAt(view, database);
    if (resolved === null || !content || seen.has(resolved)) continue;
    seen.add(resolved);
    for (const file of parseApkFiles(content.toString('utf8'))) {
      const path = landingPath(view.files, file.path);
      if (path === null) continue;
      // protected_paths.d is the image's to write: it may exempt configuration in /etc, never a binary in /usr/bin
      if (isUnderEtc(path) && !['none', 'ignore'].includes(protectModeOf(protectedPaths, file.path))) continue;
      compareWithPackage(view, tally, { path, package: file.package, algorithm: 'sha1', expected: file.sha1 });
    }
  }
}
