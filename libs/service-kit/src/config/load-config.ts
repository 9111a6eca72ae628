import { z } from 'zod';
import { createLogger, type Logger } from '../logging/create-logger.js';
import { isValidTopicPrefix, type KafkaSettings } from '@dhi/messaging';
import { brokersVar, enumVar, envVar, portVar, postgresUrlVar } from './env-var.js';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

// The launcher's defaults, so a service started by hand finds the local stack.
const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:25432/dhi';
const DEFAULT_KAFKA_BROKERS = '127.0.0.1:29092';

/** Base env shape every service validates: PORT (required here; see serviceConfigShape), DATABASE_URL, KAFKA_BROKERS, LOG_LEVEL. */
export const baseConfigShape = {
  PORT: portVar(),
  DATABASE_URL: postgresUrlVar(DEFAULT_DATABASE_URL),
  KAFKA_BROKERS: brokersVar(DEFAULT_KAFKA_BROKERS),
  LOG_LEVEL: enumVar(LOG_LEVELS, 'info'),
  /** Namespace of every topic on a shared cluster (e.g. `staging.`); empty by default. */
  KAFKA_TOPIC_PREFIX: envVar(
    'letters, digits, ".", "_" or "-" (at most 100)',
    (raw) => (isValidTopicPrefix(raw) ? raw : undefined),
    '',
  ),
};

/** The Kafka settings of a service from its validated config. */
export function kafkaSettingsOf(
  config: { KAFKA_BROKERS: string[]; KAFKA_TOPIC_PREFIX: string },
  clientId: string,
): KafkaSettings {
  return { brokers: config.KAFKA_BROKERS, clientId, topicPrefix: config.KAFKA_TOPIC_PREFIX };
}

/** The base shape with the service's own default port. */
export function serviceConfigShape(defaultPort: number) {
  return { ...baseConfigShape, PORT: portVar(defaultPort) };
}

/** One variable that failed validation. */
export interface ConfigIssue {
  variable: string;
  message: string;
}

/** Invalid environment: the message names each bad variable and why. */
export class ConfigError extends Error {
  readonly code = 'invalid_config';

  constructor(readonly issues: ConfigIssue[]) {
    super(issues.map((i) => `${i.variable}: ${i.message}`).join('; '));
    this.name = 'ConfigError';
  }
}

/** Reads and validates env once; on failure throws ConfigError whose message names each bad variable and why. */
export function loadConfig<S extends z.ZodRawShape>(shape: S, env: NodeJS.ProcessEnv = process.env): z.infer<z.ZodObject<S>> {
  const result = z.object(shape).safeParse(env);
  if (result.success) return result.data;
  throw new ConfigError(
    result.error.issues.map((issue) => ({ variable: issue.path.map(String).join('.'), message: issue.message })),
  );
}

/**
 * loadConfig for a service's main, before Nest boots: on a bad value writes one fatal JSON line naming the
 * variables and exits with 1. `logger` defaults to the service's stdout logger.
 */
export function loadConfigOrExit<S extends z.ZodRawShape>(
  service: string,
  shape: S,
  env: NodeJS.ProcessEnv = process.env,
  logger?: Logger,
): z.infer<z.ZodObject<S>> {
  try {
    return loadConfig(shape, env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    (logger ?? createLogger(service)).fatal({ code: error.code, issues: error.issues }, error.message);
    return process.exit(1);
  }
}
