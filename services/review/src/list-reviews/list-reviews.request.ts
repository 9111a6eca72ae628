import { z } from 'zod';

/** Query of GET /v1/reviews. */
export const ListReviewsQuerySchema = z.object({
  status: z.enum(['open', 'closed']).optional(),
  buildId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(512).optional(),
});
export type ListReviewsQuery = z.infer<typeof ListReviewsQuerySchema>;
