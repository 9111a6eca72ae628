import { Inject, Injectable } from '@nestjs/common';
import { decodeCursor, encodeCursor, isUuid } from '@dhi/service-kit';
import { DataSource, In } from 'typeorm';
import { BuildStage } from '../domain/build-stage.entity.js';
import { type BuildView, toBuildView } from '../domain/build-view.js';
import { Build } from '../domain/build.entity.js';
import { type ListBuildsFilter } from './list-builds.request.js';

export interface BuildPage {
  items: BuildView[];
  nextCursor: string | null;
}

/** Lists builds newest first, filtered, one keyset page at a time. */
@Injectable()
export class ListBuildsService {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async list(query: ListBuildsFilter): Promise<BuildPage> {
    const builder = this.dataSource.manager.createQueryBuilder(Build, 'b');
    if (query.status) builder.andWhere('b.status = :status', { status: query.status });
    if (query.lineage) builder.andWhere('b.lineage = :lineage', { lineage: query.lineage });
    if (query.name) builder.andWhere('b.name = :name', { name: query.name });
    if (query.cursor) {
      const after = decodeCursor(query.cursor, isUuid);
      builder.andWhere('(b.created_at, b.id) < (:createdAt, :id)', { createdAt: new Date(after.at), id: after.id });
    }
    // one row more than asked tells whether another page follows
    const rows = await builder.orderBy('b.created_at', 'DESC').addOrderBy('b.id', 'DESC').limit(query.limit + 1).getMany();
    const page = rows.slice(0, query.limit);
    const stages = page.length === 0 ? [] : await this.dataSource.manager.find(BuildStage, { where: { buildId: In(page.map((b) => b.id)) } });
    const last = page.at(-1);
    return {
      items: page.map((build) => toBuildView(build, stages.filter((s) => s.buildId === build.id))),
      nextCursor: rows.length > query.limit && last ? encodeCursor({ at: last.createdAt.toISOString(), id: last.id }) : null,
    };
  }
}
