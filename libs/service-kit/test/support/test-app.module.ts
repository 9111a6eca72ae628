import { randomUUID } from 'node:crypto';
import { Body, Controller, type DynamicModule, Get, Inject, Injectable, Module, Param, Post } from '@nestjs/common';
import { createEvent, type Envelope, TOPICS } from '@dhi/contracts';
import { Ctx, type EventContext, EventPattern, type KafkaSettings, Payload } from '@dhi/messaging';
import { createBaseMigration, enqueueEvents, type ServiceDatabaseOptions } from '@dhi/persistence';
import {
  AppError,
  InjectLogger,
  type Logger,
  OutboxKicker,
  PlatformModule,
  requestContext,
  ZodValidationPipe,
} from '../../src/index.js';
import { DataSource } from 'typeorm';
import { z } from 'zod';

export const TEST_SCHEMA = 'kit_test';

/** Database options of the test service. */
export function testDatabase(url: string): ServiceDatabaseOptions {
  return { url, schema: TEST_SCHEMA, entities: [], migrations: [createBaseMigration(TEST_SCHEMA)], poolSize: 4 };
}

const SubmitThing = z.object({ name: z.string().regex(/^[a-z0-9]+$/), tag: z.string().min(1) });

/** Events the test consumer received. */
@Injectable()
export class Inbox {
  readonly events: Envelope[] = [];
}

@Controller('v1/things')
class ThingsController {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(OutboxKicker) private readonly kicker: OutboxKicker,
    @InjectLogger() private readonly logger: Logger,
  ) {}

  @Post()
  async submit(@Body(new ZodValidationPipe(SubmitThing)) body: z.infer<typeof SubmitThing>): Promise<{ id: string }> {
    const id = randomUUID();
    this.logger.info({ buildName: body.name }, 'submitting thing');
    const correlationId = requestContext.get().correlationId ?? randomUUID();
    const event = createEvent(
      TOPICS.buildRequested,
      id,
      { buildId: id, name: body.name, tag: body.tag, lineage: body.name, source: { kind: 'registry', reference: `r/${body.name}` }, submitter: 'kit-test' },
      { source: 'service-kit-test', cause: { correlationId, causationId: null } },
    );
    await this.dataSource.transaction((manager) => enqueueEvents(manager, [{ topic: TOPICS.buildRequested, envelope: event }]));
    this.kicker.kick();
    return { id };
  }

  @Get(':id')
  find(@Param('id') id: string): never {
    throw new AppError('thing_not_found', 404, 'Thing not found', `No thing with id ${id}`, { thingId: id });
  }

  @Post('crash')
  crash(): never {
    throw new Error('db password is hunter2');
  }
}

@Controller()
class BuildRequestedHandler {
  constructor(
    @Inject(Inbox) private readonly inbox: Inbox,
    @InjectLogger() private readonly logger: Logger,
  ) {}

  @EventPattern(TOPICS.buildRequested)
  handle(@Payload() envelope: Envelope, @Ctx() ctx: EventContext): void {
    this.logger.info({ eventId: envelope.id, attempt: ctx.attempt }, 'thing requested');
    // a "flaky" thing fails its first try, to show handler errors reach the transport's retry
    if ((envelope.data as { name?: string }).name === 'flaky' && ctx.attempt === 1) {
      throw new AppError('flaky', 503, 'Flaky on first try');
    }
    this.inbox.events.push(envelope);
  }
}

@Module({})
class TestAppModule {}

/** A tiny service on PlatformModule: an HTTP API that enqueues events and a consumer of those events. */
export function testAppModule(options: { database: ServiceDatabaseOptions; kafka: KafkaSettings }): DynamicModule {
  return {
    module: TestAppModule,
    imports: [PlatformModule.forRoot({ service: 'kit-test', ...options })],
    controllers: [ThingsController, BuildRequestedHandler],
    providers: [Inbox],
  };
}
