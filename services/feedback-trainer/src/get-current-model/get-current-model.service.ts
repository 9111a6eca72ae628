import { Inject, Injectable } from '@nestjs/common';
import { AppError } from '@dhi/service-kit';
import { DataSource } from 'typeorm';
import { Model } from '../domain/model.entity.js';
import { type ModelView, modelView } from '../list-models/model-view.js';

/** The model version scanner and anomaly-detector should apply: the newest published one. */
@Injectable()
export class GetCurrentModelService {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async current(): Promise<ModelView> {
    const [model] = await this.dataSource.manager.find(Model, {
      where: { published: true },
      order: { createdAt: 'DESC', version: 'DESC' },
      take: 1,
    });
    if (!model) throw new AppError('no_model', 404, 'No current model', 'no model has been published yet');
    return modelView(model);
  }
}
