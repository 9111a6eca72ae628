import { z } from 'zod';

/** Query of GET /v1/review-events. */
export const ListReviewEventsQuerySchema = z.object({
  buildId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(512).optional(),
});
export type ListReviewEventsQuery = z.infer<typeof ListReviewEventsQuerySchema>;
