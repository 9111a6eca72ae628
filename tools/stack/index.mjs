// The stack launcher's library, shared by cli.mjs (`npm start`) and tools/test.mjs (`npm test`).
export { ensureKafkaArtifacts, kafkaLibsDir, startKafka, KAFKA_VERSION } from './kafka.mjs';
export { renderServerProperties } from './kafka-config.mjs';
export { fetchMetadata } from './kafka-probe.mjs';
export { startPostgres, ensureDatabase, databaseUrl, findPostgresBin } from './postgres.mjs';
export { createTopics } from './topics.mjs';
export { startServices, serviceList } from './services.mjs';
export { startInfra, createTeardown } from './infra.mjs';
export { freePort, pollUntil } from './proc.mjs';
export { repoRoot, stackDir, cacheDir, isRoot, blockedAncestors } from './paths.mjs';
