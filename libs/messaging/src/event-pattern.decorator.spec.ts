import { SetMetadata } from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';
import { lastValueFrom, throwError } from 'rxjs';
import { EventPattern } from './event-pattern.decorator.js';
import { PoisonMessageError } from './messaging-error.js';

class Handlers {
  @EventPattern('dhi.test.v1')
  @SetMetadata('role', 'scanner')
  async fails(): Promise<void> {
    throw new PoisonMessageError('bad layer');
  }

  @EventPattern('dhi.other.v1', { note: 'x' })
  streams() {
    return throwError(() => new Error('stream broke'));
  }

  @EventPattern('dhi.value.v1')
  value(input: number): number {
    return input * 2;
  }
}

const proto = Handlers.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;

describe('EventPattern', () => {
  it('registers the topic as a Nest event pattern and keeps metadata of decorators below it', () => {
    expect(Reflect.getMetadata('microservices:pattern', proto['fails']!)).toEqual(['dhi.test.v1']);
    expect(Reflect.getMetadata('role', proto['fails']!)).toBe('scanner');
    expect(Reflect.getMetadata('microservices:pattern_extras', proto['streams']!)).toEqual({ note: 'x' });
    expect(proto['fails']!.name).toBe('fails');
  });

  it('carries a thrown error inside an RpcException, so Nest hands it on unchanged', async () => {
    const error = await Promise.resolve(proto['fails']!.call(new Handlers())).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RpcException);
    expect((error as RpcException).getError()).toBeInstanceOf(PoisonMessageError);
  });

  it('carries the error of a failing stream too', async () => {
    const stream = await proto['streams']!.call(new Handlers());
    const error = await lastValueFrom(stream as ReturnType<Handlers['streams']>).catch((e: unknown) => e);
    expect((error as RpcException).getError()).toEqual(new Error('stream broke'));
  });

  it('passes arguments and results through', async () => {
    await expect(proto['value']!.call(new Handlers(), 21)).resolves.toBe(42);
  });
});
