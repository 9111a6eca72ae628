import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { buildNotFound } from '../domain/build-id.js';
import { BuildLogLine } from '../domain/build-log-line.entity.js';
import { formatLogLine } from '../domain/build-log.js';
import { Build } from '../domain/build.entity.js';
import { followBuildLog } from './follow-build-log.js';

/** Polling rate and lifetime of `?follow=true` streams. */
export const LOG_FOLLOW = { pollMs: 250, maxDurationMs: 60 * 60 * 1000 };

/** The log of a build as text, one line per event of its life. */
@Injectable()
export class ReadBuildLogsService {
  private following = 0;

  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async read(id: string): Promise<string> {
    await this.assertExists(id);
    const lines = await this.dataSource.manager.find(BuildLogLine, { where: { buildId: id }, order: { seq: 'ASC' } });
    return lines.map((line) => `${formatLogLine(line)}\n`).join('');
  }

  /** The log so far and then each new line until the build stage is over; 404 (before any output) for an unknown build. */
  async follow(id: string, signal: AbortSignal): Promise<AsyncIterable<string>> {
    await this.assertExists(id);
    return this.counted(followBuildLog(this.dataSource, id, { ...LOG_FOLLOW, signal }));
  }

  /** How many follow streams are polling right now (each one ends with its build stage, its time limit or its client). */
  get activeFollowers(): number {
    return this.following;
  }

  private async *counted(lines: AsyncIterable<string>): AsyncGenerator<string> {
    this.following += 1;
    try {
      yield* lines;
    } finally {
      this.following -= 1;
    }
  }

  private async assertExists(id: string): Promise<void> {
    if (!(await this.dataSource.manager.existsBy(Build, { id }))) throw buildNotFound(id);
  }
}
