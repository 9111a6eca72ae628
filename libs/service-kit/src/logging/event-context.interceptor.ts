import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { Observable } from 'rxjs';
import { withEventContext } from './request-context.js';

interface EnvelopeLike {
  subject: string;
  correlationid: string;
  traceparent: string;
}

function isEnvelope(value: unknown): value is EnvelopeLike {
  const v = value as Partial<EnvelopeLike> | null;
  return typeof v === 'object' && v !== null && typeof v.subject === 'string' && typeof v.correlationid === 'string';
}

/**
 * Runs each message handler inside the log context of its event (buildId, correlationId, traceparent), so every
 * line the handler and the services it calls write carries them. Installed on the consumer by runService.
 */
@Injectable()
export class EventContextInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const envelope = context.getType() === 'rpc' ? context.switchToRpc().getData<unknown>() : undefined;
    if (!isEnvelope(envelope)) return next.handle();
    // Both creating and subscribing to the handler's stream happen inside the context, so the handler runs in it.
    return new Observable((subscriber) => withEventContext(envelope, () => next.handle().subscribe(subscriber)));
  }
}
