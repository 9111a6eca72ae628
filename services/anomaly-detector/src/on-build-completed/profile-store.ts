import { type Anomaly, causedBy, createEvent, TOPICS } from '@dhi/contracts';
import { enqueueEvents } from '@dhi/persistence';
import { type AnalysedBuild } from '@dhi/service-kit';
import { type EntityManager } from 'typeorm';
import { AnomalyRecord, toAnomalyRecord } from '../anomaly.entity.js';
import { BaselineRecord } from '../baseline.entity.js';
import { ProfileRecord } from '../profile.entity.js';
import { overallScore, summarise } from './anomaly-result.js';

const SOURCE = 'dhi/anomaly-detector';

/**
 * The anomaly-detector's part of handling build.completed (BuildAnalysisModule reads the image): inserts the build's
 * profile against its lineage's baseline and enqueues anomaly.completed in the handleOnce transaction; null when the
 * build was profiled already.
 */
export async function storeProfile(manager: EntityManager, { event, buildId, build, inventory, modelVersion }: AnalysedBuild): Promise<string | null> {
  const { lineage } = build;
  const current = await manager.getRepository(BaselineRecord).findOneBy({ lineage });
  const baseline = { size: current?.size ?? 0, version: current?.version ?? 0 };
  // the comparisons with the baseline arrive with their own issues; until then a build is reported with its
  // inventory and no anomalies rather than invented ones, and the rows below carry real anomalies once they exist
  const anomalies: Anomaly[] = [];
  const score = overallScore(anomalies);
  const summary = summarise(anomalies);
  const inserted = await manager
    .createQueryBuilder()
    .insert()
    .into(ProfileRecord)
    .values({ buildId, ...build, inventory, baselineSize: baseline.size, baselineVersion: baseline.version, modelVersion, score, summary })
    .orIgnore()
    .returning('build_id')
    .execute();
  if ((inserted.raw as unknown[]).length === 0) return null;
  if (anomalies.length > 0) await manager.save(AnomalyRecord, anomalies.map((a) => toAnomalyRecord(buildId, a)));

  const completed = createEvent(
    TOPICS.anomalyCompleted,
    buildId,
    { buildId, build, lineage, baseline, modelVersion, score, inventory, summary, anomalies },
    { source: SOURCE, cause: causedBy(event) },
  );
  await enqueueEvents(manager, [{ topic: TOPICS.anomalyCompleted, envelope: completed }]);
  return completed.id;
}
