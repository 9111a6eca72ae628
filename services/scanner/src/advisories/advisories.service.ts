import { type IncomingMessage } from 'node:http';
import { Inject, Injectable } from '@nestjs/common';
import { isAdvisoryError } from '@dhi/advisories';
import { AppError } from '@dhi/service-kit';
import { DataSource } from 'typeorm';
import { RematchWorker } from '../rematch/rematch.worker.js';
import { advisoryRecordsOf } from './advisory-source.js';
import { advisoryStatus, type AdvisoryStatus } from './advisory-status.js';
import { importAdvisories } from './import-advisories.js';
import { type ImportSummary } from './import-summary.js';
import { spoolUpload } from './spool-upload.js';

/** The largest advisory upload (osv.dev's biggest per-ecosystem zip is a few hundred MB). */
export const MAX_ADVISORY_UPLOAD_BYTES = 2 * 1024 * 1024 * 1024;

@Injectable()
export class AdvisoriesService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(RematchWorker) private readonly rematch: RematchWorker,
  ) {}

  /** Imports an uploaded advisory file; a source that is not advisory data at all is a 400 problem. */
  async importUpload(request: IncomingMessage): Promise<ImportSummary> {
    const upload = await spoolUpload(request, MAX_ADVISORY_UPLOAD_BYTES);
    try {
      const summary = await importAdvisories(this.dataSource, advisoryRecordsOf(upload.path), { source: upload.name });
      if (summary.imported + summary.updated + summary.unchanged === 0) {
        throw new AppError('no_advisories', 400, 'No advisories', `${upload.name} holds no readable advisory record (${summary.failed} failed)`, {
          errors: summary.errors,
        });
      }
      // stored builds learn about the change now rather than at the next interval
      this.rematch.kick();
      return summary;
    } catch (error) {
      if (isAdvisoryError(error)) throw new AppError(`advisories_${error.code}`, 400, 'Unreadable advisory source', error.message);
      throw error;
    } finally {
      await upload.remove();
    }
  }

  status(): Promise<AdvisoryStatus> {
    return advisoryStatus(this.dataSource);
  }
}
