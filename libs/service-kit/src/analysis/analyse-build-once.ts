import { type BuildCompleted, type BuildRef, type Envelope, type ImageInventory } from '@dhi/contracts';
import { type ImageLimits } from '@dhi/image';
import { type EventContext } from '@dhi/messaging';
import { handleOnce } from '@dhi/persistence';
import { type Logger } from 'pino';
import { type DataSource, type EntityManager } from 'typeorm';
import { classifyReadError, readBuildInventory } from './read-build-inventory.js';

/** What an analyser knows about a completed build once its image is read, inside the handleOnce transaction. */
export interface AnalysedBuild<E = undefined> {
  event: Envelope<BuildCompleted>;
  buildId: string;
  build: BuildRef;
  inventory: ImageInventory;
  /** The newest model version published so far (null before the first one), applied to this analysis. */
  modelVersion: string | null;
  /** What the analyser's own `inspect` step read of the image; undefined for an analyser without one. */
  extra: E;
}

/** Stores an analyser's result and enqueues its events; the main event's id, or null when the build has a result already. */
export type StoreBuildResult<E = undefined> = (manager: EntityManager, analysed: AnalysedBuild<E>) => Promise<string | null>;

/** What an analyser's own read of the image gives: the inventory every analyser publishes, and its own results. */
export interface InspectedBuild<E> {
  inventory: ImageInventory;
  extra: E;
}

/**
 * An analyser's own read of the image (e.g. the scanner's SBOM), replacing the shared inventory read so the image is
 * read once; outside the transaction, so no database connection is held while blobs stream; `heartbeat` keeps the
 * consumer's session alive meanwhile.
 */
export type InspectBuild<E> = (build: BuildCompleted, heartbeat: () => Promise<void>, limits?: Partial<ImageLimits>) => Promise<InspectedBuild<E>>;

/** Where the newest published model version comes from (the service's model registry). */
export interface ModelVersions {
  latest(manager: EntityManager): Promise<string | null>;
}

/** One analyser's way through analyseBuildOnce. */
export interface BuildAnalysis<E = undefined> {
  /** The handleOnce consumer name the event id is recorded under. */
  consumer: string;
  /** Past participle for the log lines: "scanned" gives "build scanned" and "build already scanned; nothing published". */
  verb: string;
  /** Log field that carries the id of the event the analysis published, e.g. "scanEventId". */
  eventIdField: string;
  /** True when the build has a stored result already: its image is then not read again. */
  isAnalysed(buildId: string): Promise<boolean>;
  /** Required whenever E is not undefined: its result is `extra` of the AnalysedBuild given to `store`. */
  inspect?: InspectBuild<E>;
  store: StoreBuildResult<E>;
  models: ModelVersions;
  limits?: Partial<ImageLimits>;
}

/** What analyseBuildOnce needs from the service. */
export interface AnalysisDeps {
  dataSource: DataSource;
  outbox: { kick(): void };
  logger: Logger;
}

/**
 * Handles one build.completed for an analyser: reads the image unless the build was analysed already (a redelivery,
 * or a second build.completed for the same build, must not read the whole image again), then stores the result with
 * the newest model version exactly once with the event id, and kicks the outbox. A corrupt image is a
 * PoisonMessageError (see readBuildInventory).
 */
export async function analyseBuildOnce<E = undefined>(
  deps: AnalysisDeps,
  event: Envelope<BuildCompleted>,
  ctx: Pick<EventContext, 'heartbeat'>,
  analysis: BuildAnalysis<E>,
): Promise<void> {
  const { buildId, name, tag, lineage, submitter, image } = event.data;
  const analysed = await analysis.isAnalysed(buildId);
  const heartbeat = (): Promise<void> => ctx.heartbeat();
  const read = analysed ? null : await readBuild(event.data, heartbeat, analysis);
  const inventory = read?.inventory ?? null;
  const extra = read?.extra;
  const build: BuildRef = { name, tag, lineage, submitter, imageDigest: image.digest };
  const outcome = await handleOnce(deps.dataSource, { consumer: analysis.consumer, eventId: event.id }, async (manager) =>
    inventory
      ? analysis.store(manager, { event, buildId, build, inventory, modelVersion: await analysis.models.latest(manager), extra: extra as E })
      : null,
  );
  if (outcome.duplicate) {
    deps.logger.info({ eventId: event.id }, 'duplicate delivery ignored');
  } else if (outcome.result === null) {
    deps.logger.info({ eventId: event.id }, `build already ${analysis.verb}; nothing published`);
  } else {
    deps.outbox.kick();
    deps.logger.info({ eventId: event.id, [analysis.eventIdField]: outcome.result, inventory }, `build ${analysis.verb}`);
  }
}

/** The analyser's own read of the image, or the shared inventory read; errors classified for the transport either way. */
async function readBuild<E>(build: BuildCompleted, heartbeat: () => Promise<void>, analysis: BuildAnalysis<E>): Promise<InspectedBuild<E | undefined>> {
  if (!analysis.inspect) return { inventory: await readBuildInventory(build, heartbeat, analysis.limits), extra: undefined };
  await heartbeat();
  try {
    return await analysis.inspect(build, heartbeat, analysis.limits);
  } catch (error) {
    throw classifyReadError(build.buildId, error);
  }
}
