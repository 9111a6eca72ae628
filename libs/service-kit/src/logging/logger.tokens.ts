import { Inject } from '@nestjs/common';

/** Injection token of the service's pino logger, provided globally by runService. */
export const SERVICE_LOGGER = Symbol.for('dhi.service-kit.logger');

/** Parameter decorator injecting the service's pino logger. */
export const InjectLogger = (): ParameterDecorator => Inject(SERVICE_LOGGER);
