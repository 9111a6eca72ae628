export { isValidTopicPrefix, type KafkaSettings, logicalTopic, parseBrokers, physicalTopic } from './kafka-settings.js';
export { ensureTopics, pingKafka } from './topics-admin.js';
export { EventPublisher, type RawMessage } from './event-publisher.js';
export { type MessagingLogger } from './messaging-logger.js';
export { type EventContext } from './event-context.js';
export { type RetryPolicy, DEFAULT_RETRY_POLICY, backoffDelay } from './retry-policy.js';
export {
  KafkaEventTransport,
  type KafkaEventTransportOptions,
  type TransportStatus,
} from './kafka-event.transport.js';
export { type EventValidator, validateContractEvent } from './event-validator.js';
export { MessagingModule } from './messaging.module.js';
export { MessagingError, PoisonMessageError } from './messaging-error.js';
export {
  CLOUDEVENTS_CONTENT_TYPE,
  DLQ_HEADERS,
  correlationHeaders,
  eventHeaders,
} from './event-headers.js';
export { EventPattern } from './event-pattern.decorator.js';
export { Ctx, Payload } from '@nestjs/microservices';
export { deleteNamespace, groupLag, tapTopics, type TappedRecord, type TopicTap } from './topic-tap.js';
