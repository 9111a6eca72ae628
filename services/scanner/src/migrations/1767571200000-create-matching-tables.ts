import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Vulnerability matching over time: findings get a lifecycle (open, resolved by a later advisory change), each scanned
 * build's advisory lookup keys are indexed so an advisory change finds the builds it concerns, and two queues carry
 * such changes to the re-matching worker (keys from the import transaction, then builds).
 */
export class CreateMatchingTables1767571200000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "scanner"."findings"
      ADD COLUMN status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
      ADD COLUMN detected_at timestamptz NOT NULL DEFAULT now(),
      ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now(),
      ADD COLUMN resolved_at timestamptz`);
    await runner.query(`CREATE TABLE "scanner"."sbom_packages" (
      build_id uuid NOT NULL REFERENCES "scanner"."scans" (build_id) ON DELETE CASCADE,
      ecosystem text NOT NULL,
      name text NOT NULL,
      PRIMARY KEY (build_id, ecosystem, name)
    )`);
    await runner.query(`CREATE INDEX sbom_packages_key_idx ON "scanner"."sbom_packages" (ecosystem, name)`);
    await runner.query(`CREATE TABLE "scanner"."rematch_keys" (
      id bigserial PRIMARY KEY,
      ecosystem text NOT NULL,
      name text NOT NULL,
      advisory_id text NOT NULL,
      queued_at timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query(`CREATE TABLE "scanner"."rematch_builds" (
      build_id uuid PRIMARY KEY REFERENCES "scanner"."scans" (build_id) ON DELETE CASCADE,
      advisory_ids text[] NOT NULL,
      requested_at timestamptz NOT NULL DEFAULT now()
    )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "scanner"."rematch_builds"`);
    await runner.query(`DROP TABLE "scanner"."rematch_keys"`);
    await runner.query(`DROP TABLE "scanner"."sbom_packages"`);
    await runner.query(`ALTER TABLE "scanner"."findings" DROP COLUMN resolved_at, DROP COLUMN updated_at, DROP COLUMN detected_at, DROP COLUMN status`);
  }
}
