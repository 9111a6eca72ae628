import { type Model } from '../domain/model.entity.js';

export interface ModelView {
  version: string;
  createdAt: string;
  trainingWindow: { from: string; to: string };
  weights: object;
  metrics: object;
  published: boolean;
}

/** The API form of a model version. */
export function modelView(model: Model): ModelView {
  return {
    version: model.version,
    createdAt: model.createdAt.toISOString(),
    trainingWindow: model.trainingWindow,
    weights: model.weights,
    metrics: model.metrics,
    published: model.published,
  };
}
