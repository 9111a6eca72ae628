import { pageQuery } from '@dhi/service-kit';
import { z } from 'zod';
import { BUILD_STATUSES } from '../domain/build-status.js';

/** Query of GET /v1/builds; unknown parameters are refused so a typo does not silently list everything. */
export const ListBuildsQuery = z.strictObject({
  status: z.enum(BUILD_STATUSES).optional(),
  lineage: z.string().min(1).max(255).optional(),
  name: z.string().min(1).max(255).optional(),
  ...pageQuery,
});
// a distinct name: a type named like the schema would make decorator metadata point Swagger at the zod object
export type ListBuildsFilter = z.infer<typeof ListBuildsQuery>;
