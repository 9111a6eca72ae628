import { timingSafeEqual } from 'node:crypto';
import { AppError } from '@dhi/service-kit';

/** The administrator the Authorization header proves, or the 401/403 problem; `who` names them in the audit fields. */
export function requireAdmin(adminToken: string | null, authorization: string | undefined, who: string | undefined): string {
  if (adminToken === null) throw new AppError('admin_disabled', 403, 'Administration disabled', 'No ADMIN_TOKEN is configured for this service');
  const presented = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
  if (!presented) throw new AppError('unauthenticated', 401, 'Authentication required', 'Send Authorization: Bearer <administrator token>');
  const a = Buffer.from(presented);
  const b = Buffer.from(adminToken);
  if (a.length !== b.length || !timingSafeEqual(a, b)) throw new AppError('forbidden', 403, 'Not an administrator', 'The token is not the administrator token');
  return who?.trim() || 'admin';
}
