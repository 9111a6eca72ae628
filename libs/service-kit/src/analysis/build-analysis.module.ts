import { Controller, type DynamicModule, Inject, Module, type Type } from '@nestjs/common';
import { type BuildCompleted, type Envelope, TOPICS } from '@dhi/contracts';
import { type ImageLimits } from '@dhi/image';
import { Ctx, type EventContext, EventPattern, Payload } from '@dhi/messaging';
import { type Logger } from 'pino';
import { DataSource, type EntityTarget } from 'typeorm';
import { InjectLogger } from '../logging/logger.tokens.js';
import { OutboxKicker } from '../platform/outbox-kicker.js';
import { analyseBuildOnce, type InspectBuild, type ModelVersions, type StoreBuildResult } from './analyse-build-once.js';

/** How an analyser handles build.completed; E is what its optional `inspect` step reads of the image. */
export interface BuildAnalysisOptions<E = undefined> {
  /** The handleOnce consumer name the event ids are recorded under (the service's name). */
  consumer: string;
  /** For log lines: `{ doing: 'scanning', done: 'scanned' }` gives "scanning build", "build scanned", "build already scanned; …". */
  verbs: { doing: string; done: string };
  /** Log field of the id of the event the analysis published, e.g. "scanEventId". */
  eventIdField: string;
  /** The entity of stored results, keyed by buildId: a build with a row is not read again. */
  result: EntityTarget<{ buildId: string }>;
  /**
   * The analyser's own read of the image after the inventory (e.g. the scanner's SBOM), outside the transaction; its
   * result is `extra` of what `store` receives. Required whenever E is not undefined.
   */
  inspect?: InspectBuild<E>;
  /** Stores the result in the handleOnce transaction. */
  store: StoreBuildResult<E>;
  /** The class of the service's model registry, injected from a global module (ModelRegistryModule). */
  models: Type<ModelVersions>;
  limits?: Partial<ImageLimits>;
}

const OPTIONS = Symbol.for('dhi.service-kit.buildAnalysisOptions');
const MODELS = Symbol.for('dhi.service-kit.buildAnalysisModels');

/** Consumes `dhi.build.completed.v1` (validated by the transport against its contract) for an analyser. */
@Controller()
class OnBuildCompletedMessageController {
  constructor(
    @Inject(OPTIONS) private readonly options: BuildAnalysisOptions<unknown>,
    @Inject(MODELS) private readonly models: ModelVersions,
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(OutboxKicker) private readonly outbox: OutboxKicker,
    @InjectLogger() private readonly logger: Logger,
  ) {}

  @EventPattern(TOPICS.buildCompleted)
  async handle(@Payload() event: Envelope<BuildCompleted>, @Ctx() ctx: EventContext): Promise<void> {
    const { consumer, verbs, eventIdField, result, inspect, store, limits } = this.options;
    this.logger.info({ eventId: event.id, attempt: ctx.attempt, imageDigest: event.data.image.digest }, `${verbs.doing} build`);
    await analyseBuildOnce({ dataSource: this.dataSource, outbox: this.outbox, logger: this.logger }, event, ctx, {
      consumer,
      verb: verbs.done,
      eventIdField,
      limits,
      isAnalysed: (buildId) => this.dataSource.getRepository(result).existsBy({ buildId }),
      inspect,
      store,
      models: this.models,
    });
  }
}

/**
 * The build.completed handler of an analyser (scanner, anomaly-detector): reads the image once per build, stores the
 * result with the newest model version exactly once, and publishes through the outbox. Needs PlatformModule and the
 * global module providing `models`.
 */
@Module({})
export class BuildAnalysisModule {
  static forRoot<E = undefined>(options: BuildAnalysisOptions<E>): DynamicModule {
    return {
      module: BuildAnalysisModule,
      controllers: [OnBuildCompletedMessageController],
      providers: [{ provide: OPTIONS, useValue: options }, { provide: MODELS, useExisting: options.models }],
    };
  }
}
