import { randomBytes } from 'node:crypto';
import { Controller, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { type Envelope } from '@dhi/contracts';
import { EventPattern, type EventValidator, KafkaEventTransport, type KafkaSettings, type MessagingLogger, Payload } from '@dhi/messaging';
import { filter, firstValueFrom, timeout } from 'rxjs';

export const quietLogger: MessagingLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

// Dead-letter records are whatever failed, so the probe of a .dlq topic accepts any JSON.
const acceptAnything: EventValidator = (_topic, raw) => ({ ok: true, value: raw as Envelope });

/** Everything published on one topic from the moment it started, read through its own consumer group. */
export interface TopicProbe {
  events: Envelope[];
  close(): Promise<void>;
}

/** Starts a consumer on `topic` in a fresh group and resolves once it joined, so nothing published later is missed. */
export async function startTopicProbe(kafka: KafkaSettings, topic: string, options: { anyJson?: boolean } = {}): Promise<TopicProbe> {
  const events: Envelope[] = [];

  @Controller()
  class ProbeController {
    @EventPattern(topic)
    handle(@Payload() event: Envelope): void {
      events.push(event);
    }
  }

  const transport = new KafkaEventTransport({
    settings: kafka,
    groupId: `probe-${randomBytes(6).toString('hex')}`,
    fromBeginning: false,
    logger: quietLogger,
    ...(options.anyJson ? { validate: acceptAnything } : {}),
  });
  const connected = firstValueFrom(transport.status.pipe(filter((s) => s === 'connected'), timeout(30_000)));
  const moduleRef = await Test.createTestingModule({ controllers: [ProbeController] }).compile();
  const app: INestApplication = moduleRef.createNestApplication({ logger: false });
  app.connectMicroservice({ strategy: transport });
  await app.startAllMicroservices();
  await app.init();
  await connected;
  return { events, close: () => app.close() };
}
