import { pageQuery } from '@dhi/service-kit';
import { z } from 'zod';

/** Query of GET /v1/reviews. */
export const ListReviewsQuerySchema = z.object({
  status: z.enum(['open', 'closed']).optional(),
  buildId: z.uuid().optional(),
  ...pageQuery,
});
export type ListReviewsQuery = z.infer<typeof ListReviewsQuerySchema>;
