import { type Cataloger } from '../cataloger.js';
import { apkCataloger } from './apk.cataloger.js';
import { isDebianCopyrightPath } from './deb-copyright.js';
import { dpkgStatusCataloger, dpkgStatusDCataloger, isDpkgSupportingPath } from './dpkg.cataloger.js';
import { javaArchiveCataloger } from './java.cataloger.js';
import { npmLockfileCataloger } from './npm-lockfile.cataloger.js';
import { npmPackageJsonCataloger } from './npm.cataloger.js';
import { pythonCataloger } from './python.cataloger.js';
import { rpmSqliteCataloger } from './rpm.cataloger.js';

/** Every cataloger, in the order a path is offered to them (the first that matches reads it). */
export const DEFAULT_CATALOGERS: readonly Cataloger[] = Object.freeze([
  dpkgStatusCataloger,
  dpkgStatusDCataloger,
  apkCataloger,
  rpmSqliteCataloger,
  npmPackageJsonCataloger,
  npmLockfileCataloger,
  pythonCataloger,
  javaArchiveCataloger,
]);

/** Files read from the final image only, to complete packages: os-release, dpkg file lists, Debian copyright files. */
export const isSupportingPath = (path: string): boolean =>
  path.endsWith('/os-release') || isDpkgSupportingPath(path) || isDebianCopyrightPath(path);
