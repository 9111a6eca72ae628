import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { buildNotFound } from '../domain/build-id.js';
import { BuildStage } from '../domain/build-stage.entity.js';
import { type BuildView, toBuildView } from '../domain/build-view.js';
import { Build } from '../domain/build.entity.js';

/** Reads one build with its timeline. */
@Injectable()
export class GetBuildService {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async get(id: string): Promise<BuildView> {
    const build = await this.dataSource.manager.findOne(Build, { where: { id } });
    if (!build) throw buildNotFound(id);
    const stages = await this.dataSource.manager.find(BuildStage, { where: { buildId: id }, order: { position: 'ASC' } });
    return toBuildView(build, stages);
  }
}
