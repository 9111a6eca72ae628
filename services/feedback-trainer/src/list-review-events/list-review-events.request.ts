import { pageQuery } from '@dhi/service-kit';
import { z } from 'zod';

/** Query of GET /v1/review-events. */
export const ListReviewEventsQuerySchema = z.object({
  buildId: z.uuid().optional(),
  ...pageQuery,
});
export type ListReviewEventsQuery = z.infer<typeof ListReviewEventsQuerySchema>;
