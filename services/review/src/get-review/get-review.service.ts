import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { loadCaseDetail } from '../domain/case-reader.js';
import { type CaseDetailView } from '../domain/case-views.js';

/** One review case with its items and audit trail. */
@Injectable()
export class GetReviewService {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  get(id: string): Promise<CaseDetailView> {
    // one snapshot, so the items and the audit trail belong to the same state of the case
    return this.dataSource.transaction('REPEATABLE READ', (manager) => loadCaseDetail(manager, id));
  }
}
