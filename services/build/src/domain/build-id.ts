import { AppError, parseBody } from '@dhi/service-kit';
import { z } from 'zod';

const BuildIdParam = z.object({ id: z.uuid('a build id is a UUID') });

/** The `:id` of a build URL; 400 problem when it is not a UUID. */
export function parseBuildId(id: string): string {
  return parseBody(BuildIdParam, { id }).id;
}

/** The 404 problem for a build id that does not exist. */
export function buildNotFound(id: string): AppError {
  return new AppError('build_not_found', 404, 'Build not found', `No build with id ${id}`, { buildId: id });
}
