import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { createEvent, TOPICS } from '@dhi/contracts';
import { enqueueEvents } from '@dhi/persistence';
import { AppError, InjectLogger, isUuid, type Logger, OutboxKicker, requestContext } from '@dhi/service-kit';
import { DataSource } from 'typeorm';
import { AuditEntry } from '../domain/audit-entry.entity.js';
import { caseNotFound, loadCaseDetail } from '../domain/case-reader.js';
import { type CaseDetailView } from '../domain/case-views.js';
import { ReviewCase } from '../domain/review-case.entity.js';
import { EVENT_SOURCE } from '../open-case/open-case.service.js';
import { type SubmitVerdictBody } from './submit-verdict.request.js';

/** Closes a case with the reviewer's verdict, audits it and announces review.completed, in one transaction. */
@Injectable()
export class SubmitVerdictService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(OutboxKicker) private readonly kicker: OutboxKicker,
    @InjectLogger() private readonly logger: Logger,
  ) {}

  async submit(caseId: string, reviewer: string, body: SubmitVerdictBody): Promise<CaseDetailView> {
    if (!isUuid(caseId)) throw caseNotFound(caseId);
    const context = requestContext.get();
    const detail = await this.dataSource.transaction(async (manager) => {
      // the row lock makes two verdicts racing for one case meet here: the second sees it closed
      const found = await manager.findOne(ReviewCase, { where: { id: caseId }, lock: { mode: 'pessimistic_write' } });
      if (!found) throw caseNotFound(caseId);
      if (found.submitter.toLowerCase() === reviewer.toLowerCase()) {
        throw new AppError('self_review', 403, 'Nobody reviews their own build', `${reviewer} submitted build ${found.buildId}`, { caseId });
      }
      if (found.status === 'closed') {
        throw new AppError('review_closed', 409, 'Review case already closed', `The case was closed with verdict ${found.verdict}`, {
          caseId,
          verdict: found.verdict,
        });
      }
      const decidedAt = new Date();
      await manager.update(ReviewCase, { id: caseId }, {
        status: 'closed',
        verdict: body.verdict,
        reviewer,
        comment: body.comment,
        closedAt: decidedAt,
      });
      await manager.insert(AuditEntry, {
        caseId,
        buildId: found.buildId,
        actor: reviewer,
        action: 'case.verdict',
        detail: { verdict: body.verdict, comment: body.comment },
        at: decidedAt,
      });
      const completed = createEvent(
        TOPICS.reviewCompleted,
        found.buildId,
        { caseId, buildId: found.buildId, lineage: found.lineage, verdict: body.verdict, comment: body.comment, reviewer, decidedAt: decidedAt.toISOString() },
        {
          source: EVENT_SOURCE,
          cause: { correlationId: context.correlationId ?? randomUUID(), causationId: null, traceparent: context.traceparent },
        },
      );
      await enqueueEvents(manager, [{ topic: TOPICS.reviewCompleted, envelope: completed }]);
      return loadCaseDetail(manager, caseId);
    });
    this.kicker.kick();
    this.logger.info({ caseId, buildId: detail.buildId, verdict: body.verdict, reviewer }, 'review verdict recorded');
    return detail;
  }
}
