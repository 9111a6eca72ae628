import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { buildNotFound } from '../domain/build-id.js';
import { BuildLogLine } from '../domain/build-log-line.entity.js';
import { formatLogLine } from '../domain/build-log.js';
import { Build } from '../domain/build.entity.js';

/** The log of a build as text, one line per event of its life. */
@Injectable()
export class ReadBuildLogsService {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async read(id: string): Promise<string> {
    if (!(await this.dataSource.manager.existsBy(Build, { id }))) throw buildNotFound(id);
    const lines = await this.dataSource.manager.find(BuildLogLine, { where: { buildId: id }, order: { seq: 'ASC' } });
    return lines.map((line) => `${formatLogLine(line)}\n`).join('');
  }
}
