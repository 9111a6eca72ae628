import { dlqTopic } from '@dhi/contracts';
import { type EachMessagePayload } from 'kafkajs';
import { deadLetterHeaders, headerText } from './event-headers.js';
import { type KafkaProducer } from './kafka-producer.js';
import { describeError } from './messaging-error.js';
import { type MessagingLogger } from './messaging-logger.js';

/** Copies a failed message, byte for byte, to `<topic>.dlq` with the failure described in `dhi-dlq-*` headers. */
export class DeadLetterWriter {
  constructor(
    private readonly producer: KafkaProducer,
    private readonly groupId: string,
    private readonly logger: MessagingLogger,
  ) {}

  /** Resolves once the broker has the copy; rejects (and the caller must not commit) when it could not be written. */
  async write(payload: EachMessagePayload, reason: string, attempts: number): Promise<void> {
    const { topic, partition, message } = payload;
    const target = dlqTopic(topic);
    const fields = {
      buildId: message.key?.toString() ?? null,
      correlationid: headerText(message.headers, 'correlationid') ?? null,
      topic,
      partition,
      offset: message.offset,
      groupId: this.groupId,
      attempts,
      reason,
      dlq: target,
    };
    const headers = deadLetterHeaders(message.headers, {
      reason,
      topic,
      partition,
      offset: message.offset,
      groupId: this.groupId,
      attempts,
      failedAt: new Date(),
    });
    try {
      await this.producer.send([{ topic: target, messages: [{ key: message.key, value: message.value, headers }] }]);
    } catch (error) {
      this.logger.error(
        { ...fields, error: describeError(error) },
        'could not write to the dead-letter topic; the message stays uncommitted and will be delivered again',
      );
      throw error;
    }
    this.logger.error(fields, 'message sent to the dead-letter topic');
  }
}
