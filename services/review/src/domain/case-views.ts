import { type AuditEntry } from './audit-entry.entity.js';
import { type ReviewCase } from './review-case.entity.js';
import { type ReviewItem } from './review-item.entity.js';

/** A case as lists show it. */
export interface CaseSummaryView {
  id: string;
  buildId: string;
  name: string;
  tag: string;
  lineage: string;
  submitter: string;
  imageDigest: string;
  status: string;
  verdict: string | null;
  reviewer: string | null;
  comment: string | null;
  openedAt: string;
  closedAt: string | null;
  itemCount: number;
}

/** A case with every flag (evidence, confidence, decision) and its audit trail. */
export interface CaseDetailView extends CaseSummaryView {
  items: ItemView[];
  audit: AuditView[];
}

export type ItemView = ReturnType<typeof itemView>;
export type AuditView = ReturnType<typeof auditView>;

/** The API form of a case (timestamps as ISO strings). */
export function caseSummaryView(c: ReviewCase, itemCount: number): CaseSummaryView {
  return {
    id: c.id,
    buildId: c.buildId,
    name: c.name,
    tag: c.tag,
    lineage: c.lineage,
    submitter: c.submitter,
    imageDigest: c.imageDigest,
    status: c.status,
    verdict: c.verdict,
    reviewer: c.reviewer,
    comment: c.comment,
    openedAt: c.openedAt.toISOString(),
    closedAt: c.closedAt?.toISOString() ?? null,
    itemCount,
  };
}

export function itemView(i: ReviewItem) {
  return {
    id: i.id,
    source: i.source,
    refId: i.refId,
    kind: i.kind,
    category: i.category,
    severity: i.severity,
    confidence: i.confidence,
    suppressed: i.suppressed,
    title: i.title,
    explanation: i.explanation,
    remediation: i.remediation,
    evidence: i.evidence,
    features: i.features,
    decision:
      i.decision === null
        ? null
        : {
            decision: i.decision,
            reason: i.decisionReason,
            justification: i.decisionJustification,
            expiresAt: i.decisionExpiresAt?.toISOString() ?? null,
            decidedBy: i.decidedBy,
            decidedAt: i.decidedAt?.toISOString() ?? null,
          },
    createdAt: i.createdAt.toISOString(),
  };
}

export function auditView(a: AuditEntry) {
  return { id: a.id, actor: a.actor, action: a.action, detail: a.detail, at: a.at.toISOString() };
}

/** The full API form of a case. */
export function caseDetailView(c: ReviewCase, items: ReviewItem[], audit: AuditEntry[]): CaseDetailView {
  return { ...caseSummaryView(c, items.length), items: items.map(itemView), audit: audit.map(auditView) };
}
