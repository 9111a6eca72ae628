import { type INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** What a service says about its HTTP API in OpenAPI. */
export interface OpenApiInfo {
  title: string;
  description: string;
  /** API version; default "1". */
  version?: string;
}

/** Serves the OpenAPI 3 document of the app at /docs (Swagger UI), /docs-json and /docs-yaml. */
export function setupOpenApi(app: INestApplication, info: OpenApiInfo): void {
  const config = new DocumentBuilder()
    .setTitle(info.title)
    .setDescription(info.description)
    .setVersion(info.version ?? '1')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json', yamlDocumentUrl: 'docs-yaml' });
}
