/** Injection token of the KafkaSettings the readiness check pings. */
export const HEALTH_KAFKA_SETTINGS = Symbol.for('dhi.service-kit.health.kafka');

/** How long one readiness dependency may take before it counts as down. */
export const READINESS_TIMEOUT_MS = 3000;
