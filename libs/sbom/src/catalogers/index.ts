import { isOsReleaseCandidate } from '@dhi/image';
import { type Cataloger, type StreamCataloger } from '../cataloger.js';
import { apkCataloger } from './apk.cataloger.js';
import { isDebianCopyrightPath } from './deb-copyright.js';
import { dpkgStatusCataloger, dpkgStatusDCataloger, isDpkgSupportingPath } from './dpkg.cataloger.js';
import { goBinaryCataloger } from './go-binary.cataloger.js';
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

/** Catalogers of streamed file content, in the order a file is offered to them (the first that wants it reads it). */
export const DEFAULT_STREAM_CATALOGERS: readonly StreamCataloger[] = Object.freeze([goBinaryCataloger]);

/** Files read from the final image only, to complete packages: os-release, dpkg file lists, Debian copyright files. */
export const isSupportingPath = (path: string): boolean =>
  isOsReleaseCandidate(path) || isDpkgSupportingPath(path) || isDebianCopyrightPath(path);
