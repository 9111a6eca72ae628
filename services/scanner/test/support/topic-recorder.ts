import { randomUUID } from 'node:crypto';
import { Controller, type INestApplication, type Type } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Envelope } from '@dhi/contracts';
import { Ctx, type EventContext, EventPattern, KafkaEventTransport, type KafkaSettings, Payload, validateContractEvent } from '@dhi/messaging';
import { pollUntil } from '@dhi/testing';
import { filter, firstValueFrom, timeout } from 'rxjs';

export interface Recorded {
  topic: string;
  envelope: Envelope;
}

/** Records what arrives on the given topics, from the moment it is started, in its own consumer group. */
export interface TopicRecorder {
  records: Recorded[];
  /** The records of one topic about one build (envelope subject). */
  of(topic: string, buildId: string): Envelope[];
  /** Waits for the first record of a topic about a build. */
  first(topic: string, buildId: string, timeoutMs?: number): Promise<Envelope>;
  close(): Promise<void>;
}

function recorderFor(topic: string, records: Recorded[], index: number): Type {
  @Controller()
  class TopicRecorderController {
    @EventPattern(topic)
    handle(@Payload() envelope: Envelope, @Ctx() ctx: EventContext): void {
      records.push({ topic: ctx.topic, envelope });
    }
  }
  Object.defineProperty(TopicRecorderController, 'name', { value: `TopicRecorderController${index}` });
  return TopicRecorderController;
}

/** Starts a recorder; a dead-letter topic's records are accepted as any envelope (they failed their own schema). */
export async function startTopicRecorder(kafka: KafkaSettings, topics: string[]): Promise<TopicRecorder> {
  const records: Recorded[] = [];
  const transport = new KafkaEventTransport({
    settings: kafka,
    groupId: `analysis-test-recorder-${randomUUID()}`,
    fromBeginning: false,
    logger: { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined },
    validate: (topic, raw) => {
      if (!topic.endsWith('.dlq')) return validateContractEvent(topic, raw);
      const parsed = Envelope.safeParse(raw);
      return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: parsed.error.message };
    },
  });
  const connected = firstValueFrom(transport.status.pipe(filter((s) => s === 'connected'), timeout(30_000)));
  const moduleRef = await Test.createTestingModule({ controllers: topics.map((t, i) => recorderFor(t, records, i)) }).compile();
  const app: INestApplication = moduleRef.createNestApplication({ logger: false });
  app.connectMicroservice({ strategy: transport });
  await app.startAllMicroservices();
  await app.init();
  await connected;
  const of = (topic: string, buildId: string) => records.filter((r) => r.topic === topic && r.envelope.subject === buildId).map((r) => r.envelope);
  return {
    records,
    of,
    first: (topic, buildId, timeoutMs = 30_000) =>
      pollUntil(() => of(topic, buildId)[0], { timeoutMs, description: `a ${topic} record for build ${buildId}` }),
    close: () => app.close(),
  };
}
