import { type Candidate, type CheckContext } from '../candidate.js';
import { uid0Checks, userChecks } from './accounts.js';
import { configChecks } from './config.js';
import { modifiedFileChecks, unownedExecutableChecks } from './integrity.js';
import { packageVersionChecks } from './package-versions.js';
import { packageChecks } from './packages.js';
import { permissionChecks } from './permissions.js';
import { authorizedKeyChecks, persistenceChecks } from './persistence.js';
import { sizeChecks } from './size.js';

type Check = (ctx: CheckContext) => Candidate[];

/** Checks that need no baseline (integrity and absolute facts); they also run on a cold start. */
export const ABSOLUTE_CHECKS: readonly Check[] = [modifiedFileChecks, unownedExecutableChecks, uid0Checks, authorizedKeyChecks];

/** Checks that compare with the baseline; they run only when it has at least k approved builds. */
export const DRIFT_CHECKS: readonly Check[] = [
  packageChecks,
  packageVersionChecks,
  permissionChecks,
  userChecks,
  configChecks,
  sizeChecks,
  persistenceChecks,
];
