import { z } from 'zod';

/** `?status=` of a findings request: the open ones unless resolved ones (or all) are asked for. */
export const FindingStatusQuery = z.enum(['open', 'resolved', 'all']).default('open');
export type FindingStatusFilter = z.output<typeof FindingStatusQuery>;
