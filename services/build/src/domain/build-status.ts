/** Where a build is in its life (DESIGN §8). */
export const BUILD_STATUSES = ['received', 'building', 'stored', 'analysing', 'in_review', 'approved', 'rejected', 'failed'] as const;
export type BuildStatus = (typeof BUILD_STATUSES)[number];

/** The timeline of a build, in display order. */
// `build` only exists for sources the service builds or pulls itself (Dockerfile contexts, registry references)
export const STAGES = ['receive', 'build', 'store', 'scan', 'anomaly', 'review'] as const;
export type StageName = (typeof STAGES)[number];

export const STAGE_STATUSES = ['pending', 'running', 'done', 'failed'] as const;
export type StageStatus = (typeof STAGE_STATUSES)[number];

const FINAL: ReadonlySet<BuildStatus> = new Set(['approved', 'rejected', 'failed']);

const BUILD_RANK: Record<BuildStatus, number> = {
  received: 0,
  building: 1,
  stored: 2,
  analysing: 3,
  in_review: 4,
  approved: 5,
  rejected: 5,
  failed: 5,
};

const STAGE_RANK: Record<StageStatus, number> = { pending: 0, running: 1, done: 2, failed: 2 };

/**
 * Whether a build may move from `current` to `next`. Events can arrive late or twice, so a status only moves forward,
 * and a final status (approved, rejected, failed) never changes.
 */
export function canAdvanceBuild(current: BuildStatus, next: BuildStatus): boolean {
  return !FINAL.has(current) && BUILD_RANK[next] > BUILD_RANK[current];
}

/** Whether a stage may move from `current` to `next` (forward only; a finished stage stays finished). */
export function canAdvanceStage(current: StageStatus, next: StageStatus): boolean {
  return STAGE_RANK[next] > STAGE_RANK[current];
}

/** Whether a stage has finished (successfully or not). */
export function isStageFinished(status: StageStatus): boolean {
  return STAGE_RANK[status] === STAGE_RANK.done;
}
