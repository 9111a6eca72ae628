import { ModelRecord } from '@dhi/model-registry';
import { type EntityManager } from 'typeorm';

/** The published model as scoring sees it: per-signal weight and suppression threshold. */
export interface ScoringModel {
  version: string;
  signals: Map<string, { weight: number; threshold: number }>;
}

/** The newest published model (the one `ModelRegistry.latest` names), or null before the first. */
export async function latestScoringModel(manager: EntityManager, version: string | null): Promise<ScoringModel | null> {
  if (version === null) return null;
  const record = await manager.findOneBy(ModelRecord, { version });
  if (!record) return null;
  return { version, signals: new Map(record.payload.signals.map((s) => [s.signal, { weight: s.weight, threshold: s.threshold }])) };
}
