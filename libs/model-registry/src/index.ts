export { ModelRecord } from './model.entity.js';
export { createModelsTable, dropModelsTable } from './models-table.js';
export { MODEL_REGISTRY_CONSUMER, ModelRegistry } from './model-registry.service.js';
export { OnModelPublishedMessageController } from './on-model-published.message.controller.js';
export { ModelRegistryModule } from './model-registry.module.js';
