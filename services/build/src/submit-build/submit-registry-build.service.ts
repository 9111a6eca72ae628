import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { type EventCause } from '@dhi/contracts';
import { BuildLogDraft } from '../domain/build-log.js';
import { QueueBuildService, type SubmittedBuild } from './queue-build.service.js';
import { parseRegistryBuildBody } from './registry-build.request.js';

export interface SubmitRegistryBuildInput {
  /** The parsed JSON body, not yet validated. */
  body: unknown;
  idempotencyKey?: string;
  submitterHeader?: string;
  cause: EventCause;
}

/** Accepts a registry reference as a new build: validated, then queued like a Dockerfile build (the pull runs later). */
@Injectable()
export class SubmitRegistryBuildService {
  constructor(@Inject(QueueBuildService) private readonly queue: QueueBuildService) {}

  async submit(input: SubmitRegistryBuildInput): Promise<SubmittedBuild> {
    const key = input.idempotencyKey ?? null;
    const earlier = await this.queue.replayed(key);
    if (earlier) return earlier;
    const { request, reference } = parseRegistryBuildBody(input.body, input.submitterHeader);
    const receivedAt = new Date();
    const log = new BuildLogDraft();
    log.add('receive', `received a request to pull ${reference}`, { at: receivedAt });
    return this.queue.queue({
      id: randomUUID(),
      request,
      idempotencyKey: key,
      source: { kind: 'registry', reference },
      startedAt: receivedAt,
      receivedAt,
      receiveDetail: `registry reference ${reference}`,
      log,
      cause: input.cause,
    });
  }
}
