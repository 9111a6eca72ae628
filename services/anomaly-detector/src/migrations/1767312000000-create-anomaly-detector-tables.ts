import { createModelsTable, dropModelsTable } from '@dhi/model-registry';
import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** Build profiles and their anomalies, lineage baselines of approved builds, and published model versions. */
export class CreateAnomalyDetectorTables1767312000000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    // build_id as primary key: one profile (and one anomaly.completed) per build, even under a race
    await runner.query(`CREATE TABLE "anomaly_detector"."profiles" (
      build_id uuid PRIMARY KEY,
      lineage text NOT NULL,
      name text NOT NULL,
      tag text NOT NULL,
      submitter text NOT NULL,
      image_digest text NOT NULL,
      inventory jsonb NOT NULL,
      baseline_size integer NOT NULL CHECK (baseline_size >= 0),
      baseline_version integer NOT NULL CHECK (baseline_version >= 0),
      model_version text,
      score double precision NOT NULL CHECK (score >= 0),
      summary jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query(`CREATE INDEX profiles_lineage_idx ON "anomaly_detector"."profiles" (lineage, created_at)`);
    await runner.query(`CREATE TABLE "anomaly_detector"."anomalies" (
      build_id uuid NOT NULL REFERENCES "anomaly_detector"."profiles" (build_id) ON DELETE CASCADE,
      id text NOT NULL,
      kind text NOT NULL,
      severity text NOT NULL CHECK (severity IN ('critical', 'high', 'medium', 'low', 'info')),
      confidence double precision NOT NULL CHECK (confidence >= 0 AND confidence <= 1),
      suppressed boolean NOT NULL,
      title text NOT NULL,
      explanation text NOT NULL,
      evidence jsonb NOT NULL,
      PRIMARY KEY (build_id, id)
    )`);
    await runner.query(`CREATE TABLE "anomaly_detector"."baselines" (
      lineage text PRIMARY KEY,
      version integer NOT NULL CHECK (version >= 0),
      size integer NOT NULL CHECK (size >= 0),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query(`CREATE TABLE "anomaly_detector"."baseline_members" (
      lineage text NOT NULL REFERENCES "anomaly_detector"."baselines" (lineage) ON DELETE CASCADE,
      build_id uuid NOT NULL REFERENCES "anomaly_detector"."profiles" (build_id),
      approved_at timestamptz NOT NULL,
      PRIMARY KEY (lineage, build_id)
    )`);
    await runner.query(`CREATE INDEX baseline_members_newest_idx ON "anomaly_detector"."baseline_members" (lineage, approved_at DESC, build_id DESC)`);
    await createModelsTable(runner, 'anomaly_detector');
  }

  async down(runner: QueryRunner): Promise<void> {
    await dropModelsTable(runner, 'anomaly_detector');
    await runner.query(`DROP TABLE "anomaly_detector"."baseline_members"`);
    await runner.query(`DROP TABLE "anomaly_detector"."baselines"`);
    await runner.query(`DROP TABLE "anomaly_detector"."anomalies"`);
    await runner.query(`DROP TABLE "anomaly_detector"."profiles"`);
  }
}
