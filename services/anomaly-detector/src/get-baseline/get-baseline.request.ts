import { z } from 'zod';

/** A lineage in a path, e.g. `dhi%2Fnode` for `dhi/node`. */
export const LineageParam = z.string().min(1).max(255);
