/** Kafka topic names, `dhi.<entity>.<event>.v<major>` (DESIGN §3). */
export const TOPICS = {
  buildRequested: 'dhi.build.requested.v1',
  buildCompleted: 'dhi.build.completed.v1',
  buildFailed: 'dhi.build.failed.v1',
  scanCompleted: 'dhi.scan.completed.v1',
  scanRematched: 'dhi.scan.rematched.v1',
  findings: 'dhi.findings.v1',
  anomalyCompleted: 'dhi.anomaly.completed.v1',
  reviewOpened: 'dhi.review.opened.v1',
  reviewDecision: 'dhi.review.decision.v1',
  reviewCompleted: 'dhi.review.completed.v1',
  modelPublished: 'dhi.model.published.v1',
} as const;

export type TopicKey = keyof typeof TOPICS;
export type Topic = (typeof TOPICS)[TopicKey];

export const ALL_TOPICS: readonly Topic[] = Object.values(TOPICS);

/** The dead-letter twin of a topic. */
export function dlqTopic(topic: string): string {
  return `${topic}.dlq`;
}
