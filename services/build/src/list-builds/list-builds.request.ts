import { z } from 'zod';
import { BUILD_STATUSES } from '../domain/build-status.js';

/** Query of GET /v1/builds; unknown parameters are refused so a typo does not silently list everything. */
export const ListBuildsQuery = z.strictObject({
  status: z.enum(BUILD_STATUSES).optional(),
  lineage: z.string().min(1).max(255).optional(),
  name: z.string().min(1).max(255).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(512).optional(),
});
// a distinct name: a type named like the schema would make decorator metadata point Swagger at the zod object
export type ListBuildsFilter = z.infer<typeof ListBuildsQuery>;
