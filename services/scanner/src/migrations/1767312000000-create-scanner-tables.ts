import { createModelsTable, dropModelsTable } from '@dhi/model-registry';
import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** Scans (one per build), their findings, and the model versions published by the feedback-trainer. */
export class CreateScannerTables1767312000000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    // build_id as primary key: a second scan of the same build can never be stored, even under a race
    await runner.query(`CREATE TABLE "scanner"."scans" (
      build_id uuid PRIMARY KEY,
      image_digest text NOT NULL,
      name text NOT NULL,
      tag text NOT NULL,
      lineage text NOT NULL,
      submitter text NOT NULL,
      scanner_version text NOT NULL,
      model_version text,
      inventory jsonb NOT NULL,
      summary jsonb NOT NULL,
      package_count integer NOT NULL CHECK (package_count >= 0),
      scanned_at timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query(`CREATE INDEX scans_lineage_idx ON "scanner"."scans" (lineage, scanned_at)`);
    await runner.query(`CREATE TABLE "scanner"."findings" (
      build_id uuid NOT NULL REFERENCES "scanner"."scans" (build_id) ON DELETE CASCADE,
      id text NOT NULL,
      rule_id text NOT NULL,
      category text NOT NULL CHECK (category IN ('vulnerability', 'misconfiguration', 'secret', 'permission', 'dockerfile')),
      severity text NOT NULL CHECK (severity IN ('critical', 'high', 'medium', 'low', 'info')),
      confidence double precision NOT NULL CHECK (confidence >= 0 AND confidence <= 1),
      suppressed boolean NOT NULL,
      title text NOT NULL,
      evidence jsonb NOT NULL,
      remediation text NOT NULL,
      patch text,
      PRIMARY KEY (build_id, id)
    )`);
    await createModelsTable(runner, 'scanner');
  }

  async down(runner: QueryRunner): Promise<void> {
    await dropModelsTable(runner, 'scanner');
    await runner.query(`DROP TABLE "scanner"."findings"`);
    await runner.query(`DROP TABLE "scanner"."scans"`);
  }
}
