import { contentAt, contentsMatching, type FinalFiles, landingPath } from './final-files.js';
import { divertedPath, DPKG_DIVERSIONS, DPKG_MD5SUMS, DPKG_STATUS, md5sumsPackage, parseConffiles, parseDiversions, parseMd5sums } from './dpkg-database.js';
import { compareWithPackage, type IntegrityTally, isUnderEtc } from './integrity-tally.js';

/**
 * Checks every file of every dpkg `.md5sums` file against the final filesystem, as `dpkg --verify` does: conffiles are
 * the admin's to edit and are skipped, and a diverted file is looked for where the diversion put it.
 */
export function checkDpkgFiles(view: FinalFiles, tally: IntegrityTally): void {
  const status = contentAt(view, DPKG_STATUS);
  const conffiles = status ? parseConffiles(status.toString('utf8')) : new Set<string>();
  const diversionsText = contentAt(view, DPKG_DIVERSIONS);
  const diversions = diversionsText ? parseDiversions(diversionsText.toString('utf8')) : new Map();
  for (const [file, content] of contentsMatching(view, DPKG_MD5SUMS)) {
    const pkg = md5sumsPackage(file);
    for (const sum of parseMd5sums(content.toString('utf8'))) {
      const path = landingPath(view.files, divertedPath(sum.path, pkg, diversions));
      if (path === null) continue;
      // a crafted status could declare /usr/bin/x a conffile to hide its replacement
      if (conffiles.has(sum.path) && isUnderEtc(path)) continue;
      compareWithPackage(view, tally, { path, package: pkg, algorithm: 'md5', expected: sum.md5 });
    }
  }
}
