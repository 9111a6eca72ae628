import 'reflect-metadata';
import { EventPattern as NestEventPattern, RpcException } from '@nestjs/microservices';
import { isObservable, type Observable, throwError } from 'rxjs';
import { catchError } from 'rxjs/operators';

type Handler = (...args: unknown[]) => unknown;

// Nest's default RPC exception filter replaces any error that is not an RpcException by "Internal server error", so
// the transport could neither tell a PoisonMessageError apart nor put the real reason into the DLQ. An RpcException
// whose payload is an object is rethrown by that filter unchanged, so wrapping the original error carries it through.
function carry(error: unknown): RpcException {
  if (error instanceof RpcException) return error;
  return new RpcException(typeof error === 'object' && error !== null ? error : String(error));
}

function wrap(original: Handler): Handler {
  const wrapped = async function (this: unknown, ...args: unknown[]): Promise<unknown> {
    try {
      const result = await original.apply(this, args);
      return isObservable(result)
        ? (result as Observable<unknown>).pipe(catchError((error: unknown) => throwError(() => carry(error))))
        : result;
    } catch (error) {
      throw carry(error);
    }
  };
  Object.defineProperty(wrapped, 'name', { value: original.name });
  // Decorators listed below this one (guards, interceptors, metadata) were applied to the original function.
  for (const key of Reflect.getOwnMetadataKeys(original)) {
    Reflect.defineMetadata(key, Reflect.getOwnMetadata(key, original), wrapped);
  }
  return wrapped;
}

/**
 * Nest's `@EventPattern(topic)`, with the handler's errors passed to the transport as thrown (so retries, poison
 * detection and DLQ reasons see the real error). Use it for handlers served by KafkaEventTransport.
 */
export function EventPattern(topic: string, extras?: Record<string, unknown>): MethodDecorator {
  return (target, key, descriptor) => {
    if (typeof descriptor.value !== 'function') throw new TypeError(`@EventPattern(${topic}) must decorate a method`);
    const wrapped = wrap(descriptor.value as Handler);
    const next = { ...descriptor, value: wrapped as typeof descriptor.value };
    const nestPattern = NestEventPattern as (topic: string, extras: Record<string, unknown>) => MethodDecorator;
    nestPattern(topic, extras ?? {})(target, key, next);
    return next;
  };
}
