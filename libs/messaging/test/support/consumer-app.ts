import { Controller, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { type Envelope } from '@dhi/contracts';
import { filter, firstValueFrom, timeout } from 'rxjs';
import { Ctx, type EventContext, EventPattern, type KafkaEventTransport, Payload } from '../../src/index.js';

export interface Call<T> {
  event: Envelope<T>;
  ctx: Omit<EventContext, 'heartbeat'>;
}

/** A Nest app whose only message controller runs `behaviour` for each event of `topic` and records every call. */
export interface ConsumerApp<T> {
  app: INestApplication;
  calls: Call<T>[];
  handled: Call<T>[];
}

export async function startConsumerApp<T>(
  topic: string,
  transport: KafkaEventTransport,
  behaviour: (event: Envelope<T>, ctx: EventContext) => Promise<void> = async () => undefined,
): Promise<ConsumerApp<T>> {
  const calls: Call<T>[] = [];
  const handled: Call<T>[] = [];

  @Controller()
  class TestMessageController {
    @EventPattern(topic)
    async handle(@Payload() event: Envelope<T>, @Ctx() ctx: EventContext): Promise<void> {
      const { heartbeat: _heartbeat, ...plain } = ctx;
      calls.push({ event, ctx: plain });
      await behaviour(event, ctx);
      handled.push({ event, ctx: plain });
    }
  }

  const moduleRef = await Test.createTestingModule({ controllers: [TestMessageController] }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  app.connectMicroservice({ strategy: transport });
  await app.startAllMicroservices();
  await app.init();
  return { app, calls, handled };
}

/** Resolves once the transport joined its group and resolved its positions. */
export async function whenConnected(transport: KafkaEventTransport, timeoutMs = 20_000): Promise<void> {
  await firstValueFrom(transport.status.pipe(filter((s) => s === 'connected'), timeout(timeoutMs)));
}
