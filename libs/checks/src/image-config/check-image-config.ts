import { type CheckHit } from '../check-hit.js';
import { type ConfigInput } from './config-input.js';
import { healthcheckHits, provenanceHits } from './metadata-checks.js';
import { portHits } from './port-check.js';
import { remoteAddHits } from './remote-add-check.js';
import { runtimeToolHits } from './runtime-tools-check.js';
import { secretHits } from './secret-checks.js';
import { userHits } from './user-check.js';

/** Root user, missing health check, secrets in config and history, sensitive ports, remote ADD, runtime tools, provenance labels. */
export function checkImageConfig(input: ConfigInput): CheckHit[] {
  return [
    ...userHits(input),
    ...healthcheckHits(input),
    ...secretHits(input),
    ...portHits(input),
    ...remoteAddHits(input),
    ...runtimeToolHits(input),
    ...provenanceHits(input),
  ];
}
