import { AppError } from '@dhi/service-kit';

/** The 404 problem for a build the scanner has not scanned (yet). */
export function scanNotFound(buildId: string): AppError {
  return new AppError('scan_not_found', 404, 'Build not scanned', `No scan of build ${buildId} exists (yet)`, { buildId });
}
