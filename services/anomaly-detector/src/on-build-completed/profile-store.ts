import { detectAnomalies } from '@dhi/anomalies';
import { causedBy, createEvent, TOPICS } from '@dhi/contracts';
import { type BuildProfile } from '@dhi/profile';
import { enqueueEvents } from '@dhi/persistence';
import { type AnalysedBuild } from '@dhi/service-kit';
import { type EntityManager } from 'typeorm';
import { AnomalyRecord, toAnomalyRecord } from '../anomaly.entity.js';
import { BaselineRecord } from '../baseline.entity.js';
import { ProfileRecord } from '../profile.entity.js';
import { type AnomalySettings } from '../anomaly-settings.js';
import { summarise } from './anomaly-result.js';
import { baselineProfiles } from './baseline-profiles.js';
import { latestScoringModel } from './model-signals.js';

const SOURCE = 'dhi/anomaly-detector';

/**
 * The anomaly-detector's part of handling build.completed (BuildAnalysisModule reads the image and profiles it): compares
 * the profile with the approved builds of its lineage under the newest model, stores profile and anomalies and enqueues
 * anomaly.completed in the handleOnce transaction; null when the build was profiled already.
 */
export async function storeProfile(
  manager: EntityManager,
  { event, buildId, build, inventory, modelVersion, extra: profile }: AnalysedBuild<BuildProfile>,
  settings: Pick<AnomalySettings, 'minBaseline'>,
): Promise<string | null> {
  const { lineage } = build;
  const current = await manager.getRepository(BaselineRecord).findOneBy({ lineage });
  const baseline = { size: current?.size ?? 0, version: current?.version ?? 0 };
  const members = await baselineProfiles(manager, lineage);
  const model = await latestScoringModel(manager, modelVersion);
  const layerDigests = event.data.image.layers.map((layer) => layer.digest);
  const { anomalies, score, notes } = detectAnomalies({ profile, baseline: members, model, minBaseline: settings.minBaseline, layerDigests });
  const summary = summarise(anomalies);
  const inserted = await manager
    .createQueryBuilder()
    .insert()
    .into(ProfileRecord)
    .values({ buildId, ...build, inventory, baselineSize: baseline.size, baselineVersion: baseline.version, modelVersion, score, summary, profile, notes })
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
