import { type MigrationInterface, type QueryRunner } from 'typeorm';

const STATUSES = `'received', 'building', 'stored', 'analysing', 'in_review', 'approved', 'rejected', 'failed'`;
const STAGES = `'receive', 'store', 'scan', 'anomaly', 'review'`;
const STAGE_STATUSES = `'pending', 'running', 'done', 'failed'`;

/** Builds, their stage timeline and their log lines (schema `build`). */
export class CreateBuilds1767225600000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE build.builds (
      id uuid PRIMARY KEY,
      name text NOT NULL,
      tag text NOT NULL,
      lineage text NOT NULL,
      submitter text NOT NULL,
      status text NOT NULL CONSTRAINT builds_status_check CHECK (status IN (${STATUSES})),
      source jsonb NOT NULL,
      image_digest text,
      config_digest text,
      image_media_type text,
      layers jsonb,
      platform jsonb,
      findings jsonb,
      anomalies jsonb,
      verdict jsonb,
      idempotency_key text CONSTRAINT builds_idempotency_key_key UNIQUE,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    )`);
    // keyset pagination walks (created_at, id) newest first, optionally within one filter value
    await runner.query('CREATE INDEX builds_created_idx ON build.builds (created_at DESC, id DESC)');
    await runner.query('CREATE INDEX builds_status_created_idx ON build.builds (status, created_at DESC, id DESC)');
    await runner.query('CREATE INDEX builds_lineage_created_idx ON build.builds (lineage, created_at DESC, id DESC)');
    await runner.query('CREATE INDEX builds_name_created_idx ON build.builds (name, created_at DESC, id DESC)');
    await runner.query('CREATE INDEX builds_image_digest_idx ON build.builds (image_digest)');

    await runner.query(`CREATE TABLE build.build_stages (
      build_id uuid NOT NULL REFERENCES build.builds (id) ON DELETE CASCADE,
      stage text NOT NULL CONSTRAINT build_stages_stage_check CHECK (stage IN (${STAGES})),
      position smallint NOT NULL,
      status text NOT NULL CONSTRAINT build_stages_status_check CHECK (status IN (${STAGE_STATUSES})),
      started_at timestamptz,
      finished_at timestamptz,
      detail text,
      PRIMARY KEY (build_id, stage)
    )`);

    await runner.query(`CREATE TABLE build.build_log_lines (
      build_id uuid NOT NULL REFERENCES build.builds (id) ON DELETE CASCADE,
      seq integer NOT NULL,
      logged_at timestamptz NOT NULL,
      stage text NOT NULL,
      level text NOT NULL CONSTRAINT build_log_lines_level_check CHECK (level IN ('info', 'warn', 'error')),
      message text NOT NULL,
      PRIMARY KEY (build_id, seq)
    )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE build.build_log_lines');
    await runner.query('DROP TABLE build.build_stages');
    await runner.query('DROP TABLE build.builds');
  }
}
