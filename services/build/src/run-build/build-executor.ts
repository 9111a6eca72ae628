import { type BuildSource } from '@dhi/contracts';
import { type ImportedImage } from '@dhi/image';

/** The timeline stage a build failure belongs to: producing the image, or verifying and storing it. */
export type BuildFailureStage = 'build' | 'store';

/** Log levels of build log lines. */
export type BuildLogLevel = 'info' | 'warn' | 'error';

/** One run of a queued build, as an executor sees it. */
export interface BuildExecution {
  buildId: string;
  name: string;
  tag: string;
  source: BuildSource;
  /** Appends a line to the stored build log (GET /v1/builds/:id/logs); resolves once it is stored. */
  log(line: string, level?: BuildLogLevel): Promise<void>;
  /** Aborted on the per-build timeout (reason: BuildTimeout) and on shutdown; executors stop their processes. */
  signal: AbortSignal;
  /** Extends the job's lease; the worker also does this on its own while the executor runs. */
  heartbeat(): Promise<void>;
}

/** Produces the image of one kind of queued source and stores it in the blob store. */
export interface BuildExecutor {
  readonly kind: 'dockerfile' | 'registry';
  execute(execution: BuildExecution): Promise<ImportedImage>;
}

/** DI token of the executors: a provider returning BuildExecutor[]. */
export const BUILD_EXECUTORS = Symbol('BUILD_EXECUTORS');

/** Why a build failed, in words for its submitter: an executor throws this for errors of the build itself. */
export class BuildFailure extends Error {
  readonly stage: BuildFailureStage;
  /** User-facing: what failed, e.g. `STEP 3/5: RUN false: exit code 1`. */
  readonly reason: string;
  /** The last lines of the log that explain it. */
  readonly excerpt?: string;

  constructor(failure: { stage: BuildFailureStage; reason: string; excerpt?: string }) {
    super(failure.reason);
    this.name = 'BuildFailure';
    this.stage = failure.stage;
    this.reason = failure.reason;
    this.excerpt = failure.excerpt;
  }
}

/** Whether an error is a BuildFailure. */
export function isBuildFailure(error: unknown): error is BuildFailure {
  return error instanceof BuildFailure;
}

/** The abort reason of a build that ran past BUILD_TIMEOUT_SECONDS. */
export class BuildTimeout extends Error {
  constructor(readonly seconds: number) {
    super(`the build timed out after ${seconds} s`);
    this.name = 'BuildTimeout';
  }
}
