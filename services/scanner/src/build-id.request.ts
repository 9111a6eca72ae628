import { BuildId } from '@dhi/contracts';

/** A build id in a path: a UUID; anything else is a 400 problem. */
export const BuildIdParam = BuildId;
