import { AppError } from '@dhi/service-kit';
import { z } from 'zod';

export const REVIEWER_HEADER = 'X-Reviewer';

/** Body of POST /v1/reviews/:id/verdict; a rejection must say why. */
export const SubmitVerdictBodySchema = z
  .object({
    verdict: z.enum(['approved', 'rejected']),
    comment: z.string().trim().max(4000).default(''),
  })
  .strict()
  .refine((body) => body.verdict !== 'rejected' || body.comment !== '', {
    path: ['comment'],
    message: 'a comment is required when the verdict is rejected',
  });
export type SubmitVerdictBody = z.infer<typeof SubmitVerdictBodySchema>;

const Reviewer = z.string().trim().min(1).max(200).regex(/^[^\p{Cc}]+$/u, 'no control characters');

/** The reviewer named by the X-Reviewer header, or a 400 problem naming the header. */
export function parseReviewer(header: string | string[] | undefined): string {
  const parsed = Reviewer.safeParse(Array.isArray(header) ? header[0] : header);
  if (parsed.success) return parsed.data;
  throw new AppError(
    'reviewer_required',
    400,
    'Missing reviewer',
    `The ${REVIEWER_HEADER} header must name the reviewer (1-200 characters)`,
    { errors: [{ path: `headers.${REVIEWER_HEADER}`, message: header === undefined ? 'required' : 'invalid' }] },
  );
}
