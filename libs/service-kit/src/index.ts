export { envVar, portVar, postgresUrlVar, brokersVar, enumVar, wholeNumberIn, wholeNumberVar } from './config/env-var.js';
export {
  baseConfigShape,
  serviceConfigShape,
  kafkaSettingsOf,
  loadConfig,
  loadConfigOrExit,
  ConfigError,
  LOG_LEVELS,
  type ConfigIssue,
  type LogLevel,
} from './config/load-config.js';
export { createLogger, type Logger } from './logging/create-logger.js';
export { requestContext, withEventContext, type RequestContext } from './logging/request-context.js';
export { PinoNestLogger } from './logging/nest-logger.js';
export { EventContextInterceptor } from './logging/event-context.interceptor.js';
export { SERVICE_LOGGER, InjectLogger } from './logging/logger.tokens.js';
export { AppError, type FieldError } from './errors/app-error.js';
export { ProblemDetailsFilter } from './errors/problem-details.filter.js';
export { toAppError, toProblem, problemType, type ProblemDetails } from './errors/problem-details.js';
export { ZodValidationPipe, parseBody, fieldErrors, validationError } from './errors/zod-validation.pipe.js';
export { CORRELATION_HEADER, TRACEPARENT_HEADER } from './http/correlation.js';
export { ObservabilityModule } from './http/observability.module.js';
export { HealthModule } from './health/health.module.js';
export { PlatformModule, type PlatformOptions } from './platform/platform.module.js';
export { OutboxKicker } from './platform/outbox-kicker.js';
export { runService, type RunServiceOptions } from './bootstrap/run-service.js';
export {
  type ConfigOf,
  serviceMain,
  startService,
  type ServiceConfigBase,
  type ServiceConfigShape,
  type ServiceDefinition,
  type StartOverrides,
} from './bootstrap/start-service.js';
export { type OpenApiInfo } from './bootstrap/open-api.js';
export { runMigrationsCli } from './bootstrap/run-migrations-cli.js';
export { cursorAtSql, type CursorPosition, decodeCursor, encodeCursor, isUuid, pageQuery } from './http/cursor.js';
export { BuildAnalysisModule, type BuildAnalysisOptions } from './analysis/build-analysis.module.js';
export { type AnalysedBuild, type InspectBuild, type InspectedBuild, type ModelVersions, type StoreBuildResult } from './analysis/analyse-build-once.js';
export { classifyReadError, readBuildInventory } from './analysis/read-build-inventory.js';
