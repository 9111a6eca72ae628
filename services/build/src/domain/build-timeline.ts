import { type EntityManager } from 'typeorm';
import { appendLogLine } from './build-log.js';
import { BuildStage } from './build-stage.entity.js';
import { type BuildStatus, canAdvanceBuild, canAdvanceStage, isStageFinished, STAGES, type StageName, type StageStatus } from './build-status.js';
import { Build, type VerdictRecord } from './build.entity.js';

/** What one consumed event says about a build's timeline. */
export interface TimelineChange {
  stage: StageName;
  stageStatus: StageStatus;
  /** When it happened, by the event. */
  at: Date;
  detail: string;
  /** The build status the event implies; applied only if it moves the build forward. */
  buildStatus?: BuildStatus;
  /** Result counts; the latest result of a stage wins. */
  results?: Partial<Pick<Build, 'findings' | 'anomalies'>>;
  /** Recorded only together with the final status it belongs to. */
  verdict?: VerdictRecord;
  /** The build log line for it. */
  log: string;
}

export type TimelineOutcome = { applied: false; reason: 'unknown_build' } | { applied: true; status: BuildStatus; stageStatus: StageStatus };

function nextStage(stage: BuildStage, change: TimelineChange): Partial<BuildStage> | null {
  const finished = isStageFinished(change.stageStatus);
  if (canAdvanceStage(stage.status, change.stageStatus)) {
    return {
      status: change.stageStatus,
      startedAt: stage.startedAt ?? (change.stageStatus === 'running' ? change.at : null),
      finishedAt: finished ? change.at : null,
      detail: change.detail,
    };
  }
  // the same step reported again with a newer result (e.g. a rescan): keep its status, show the newer detail
  if (stage.status === change.stageStatus) return { detail: change.detail, finishedAt: finished ? change.at : stage.finishedAt };
  return null;
}

/**
 * Applies a change to a stored build under its row lock: the stage and the status only move forward, results are
 * replaced by newer ones, a verdict is kept once given. Unknown builds are reported, not created.
 */
export async function applyTimelineChange(manager: EntityManager, buildId: string, change: TimelineChange): Promise<TimelineOutcome> {
  const build = await manager.findOne(Build, { where: { id: buildId }, lock: { mode: 'pessimistic_write' } });
  if (!build) return { applied: false, reason: 'unknown_build' };
  const now = new Date();

  const existing = await manager.findOne(BuildStage, { where: { buildId, stage: change.stage } });
  const stage = existing ?? Object.assign(new BuildStage(), {
    buildId, stage: change.stage, position: STAGES.indexOf(change.stage), status: 'pending', startedAt: null, finishedAt: null, detail: null,
  } satisfies BuildStage);
  const stagePatch = nextStage(stage, change);
  if (!existing) await manager.insert(BuildStage, { ...stage, ...stagePatch });
  else if (stagePatch) await manager.update(BuildStage, { buildId, stage: change.stage }, stagePatch);

  const advances = change.buildStatus !== undefined && canAdvanceBuild(build.status, change.buildStatus);
  const status = advances && change.buildStatus ? change.buildStatus : build.status;
  const buildPatch: Partial<Build> = { ...change.results, status, updatedAt: now };
  if (change.verdict && advances && !build.verdict) buildPatch.verdict = change.verdict;
  await manager.update(Build, { id: buildId }, buildPatch);
  await appendLogLine(manager, buildId, change.stage, change.log);
  return { applied: true, status, stageStatus: stagePatch?.status ?? stage.status };
}
