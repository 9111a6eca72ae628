import { randomBytes, randomUUID } from 'node:crypto';
import { type Envelope } from '@dhi/contracts';
import { type MigrationInterface, type QueryRunner } from 'typeorm';
import { createBaseMigration, type EventSink, type ServiceDatabaseOptions } from '../../src/index.js';

export const TEST_TOPIC = 'dhi.test.happened.v1';

/** A unique schema name per test, so tests sharing a database never see each other's rows. */
export function uniqueSchema(label = 's'): string {
  return `${label}_${randomBytes(4).toString('hex')}`;
}

/** A valid CloudEvents envelope for the test topic. */
export function testEnvelope(subject: string, data: unknown = {}): Envelope {
  return {
    specversion: '1.0',
    id: randomUUID(),
    source: 'persistence-test',
    type: TEST_TOPIC,
    time: new Date().toISOString(),
    subject,
    datacontenttype: 'application/json',
    dataschema: `urn:dhi:schema:${TEST_TOPIC}`,
    correlationid: randomUUID(),
    causationid: null,
    traceparent: `00-${randomUUID().replace(/-/g, '')}-${randomBytes(8).toString('hex')}-01`,
    data,
  };
}

/** A service migration written the way services write them: unqualified names, relying on search_path. */
export class CreateWidgets1767225600000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query('CREATE TABLE widgets (id text PRIMARY KEY, name text NOT NULL)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE widgets');
  }
}

/** Options for a service with the base migration and one table of its own. */
export function serviceOptions(url: string, schema: string): ServiceDatabaseOptions {
  return { url, schema, entities: [], migrations: [createBaseMigration(schema), CreateWidgets1767225600000], poolSize: 4 };
}

/** An EventSink that records what it publishes and fails when told to. */
export class RecordingSink implements EventSink {
  readonly published: { topic: string; envelope: Envelope }[] = [];
  calls = 0;

  constructor(private readonly shouldFail: (envelope: Envelope, call: number) => boolean = () => false) {}

  async publish(topic: string, envelope: Envelope): Promise<void> {
    this.calls += 1;
    if (this.shouldFail(envelope, this.calls)) throw new Error(`sink refused ${envelope.id}`);
    this.published.push({ topic, envelope });
  }

  ids(): string[] {
    return this.published.map((p) => p.envelope.id);
  }
}

/** A RecordingSink whose publishes wait until open() is called, to hold a relay inside its batch. */
export class GatedSink extends RecordingSink {
  entered = false;
  private release!: () => void;
  private readonly gate = new Promise<void>((resolve) => (this.release = resolve));

  open(): void {
    this.release();
  }

  override async publish(topic: string, envelope: Envelope): Promise<void> {
    this.entered = true;
    await this.gate;
    await super.publish(topic, envelope);
  }
}
