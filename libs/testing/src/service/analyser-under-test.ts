import { randomUUID } from 'node:crypto';
import { dlqTopic, TOPICS } from '@dhi/contracts';
import { type ImportedImage } from '@dhi/image';
import { type ServiceConfigShape } from '@dhi/service-kit';
import { DataSource } from 'typeorm';
import { type EventTap, tapEvents } from '../events/event-tap.js';
import { sampleImageSpec } from '../sample-image.js';
import { type BlobServer, startBlobServer } from './blob-server.js';
import { type ServiceUnderTest, type ServiceUnderTestOptions, startServiceUnderTest } from './service-under-test.js';

/** An analyser (scanner, anomaly-detector) under test, with a blob server holding the sample image it reads. */
export interface AnalyserUnderTest<S extends ServiceConfigShape = ServiceConfigShape> extends ServiceUnderTest<S> {
  blobs: BlobServer;
  /** The sample image, imported into the blob server. */
  image: ImportedImage;
  /** A tap on the given topics and on build.completed's dead-letter topic. */
  tap: EventTap;
  /** The `n` of a `count(*) AS n` query on the service's database. */
  count(sql: string, params: unknown[]): Promise<number>;
  /** The `dhi-dlq-reason` of the dead-lettered build.completed of a build, once it is there. */
  dlqReason(buildId: string): Promise<string | undefined>;
}

/** startServiceUnderTest for an analyser, with its blob server and a tap; stop() releases all three. */
export async function startAnalyserUnderTest<S extends ServiceConfigShape>(
  options: ServiceUnderTestOptions<S> & { topics: string[] },
): Promise<AnalyserUnderTest<S>> {
  const dlq = dlqTopic(TOPICS.buildCompleted);
  const blobs = await startBlobServer();
  let service: ServiceUnderTest<S> | undefined;
  try {
    const image = await blobs.importImage(sampleImageSpec(`${options.definition.name}-${randomUUID()}`));
    service = await startServiceUnderTest(options);
    const tap = await tapEvents(service.kafka, [...options.topics, dlq]);
    const dataSource = service.app.get(DataSource);
    const stopService = service.stop;
    return {
      ...service,
      blobs,
      image,
      tap,
      count: async (sql, params) => Number(((await dataSource.query(sql, params)) as { n: string }[])[0]?.n),
      dlqReason: async (buildId) => (await tap.first(dlq, buildId)).headers['dhi-dlq-reason'],
      stop: async () => {
        await tap.stop();
        await stopService();
        await blobs.close();
      },
    };
  } catch (error) {
    await service?.stop();
    await blobs.close();
    throw error;
  }
}
