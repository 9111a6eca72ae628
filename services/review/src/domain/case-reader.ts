import { AppError, isUuid } from '@dhi/service-kit';
import { type EntityManager } from 'typeorm';
import { AuditEntry } from './audit-entry.entity.js';
import { type CaseDetailView, caseDetailView } from './case-views.js';
import { ReviewCase } from './review-case.entity.js';
import { ReviewItem } from './review-item.entity.js';

/** The 404 problem for a case id that names no case. */
export function caseNotFound(id: string): AppError {
  return new AppError('review_not_found', 404, 'Review case not found', `No review case with id ${id}`, { caseId: id });
}

/** Loads a case with its items and audit trail, or throws the 404 problem. */
export async function loadCaseDetail(manager: EntityManager, id: string): Promise<CaseDetailView> {
  const found = isUuid(id) ? await manager.findOneBy(ReviewCase, { id }) : null;
  if (!found) throw caseNotFound(id);
  const items = await manager.find(ReviewItem, { where: { caseId: id }, order: { position: 'ASC' } });
  const audit = await manager.find(AuditEntry, { where: { caseId: id }, order: { id: 'ASC' } });
  return caseDetailView(found, items, audit);
}
