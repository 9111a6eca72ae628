import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** The advisory database: one row per advisory id, its affected packages keyed for matching, and the import log. */
export class CreateAdvisoryTables1767398400000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE "scanner"."advisories" (
      id text PRIMARY KEY,
      modified timestamptz NOT NULL,
      published timestamptz,
      withdrawn timestamptz,
      aliases text[] NOT NULL DEFAULT '{}',
      summary text,
      severity jsonb NOT NULL,
      record jsonb NOT NULL,
      source text NOT NULL,
      imported_at timestamptz NOT NULL DEFAULT now()
    )`);
    // an advisory is also looked up by its CVE (Debian DSAs and GHSAs alias each other)
    await runner.query(`CREATE INDEX advisories_aliases_idx ON "scanner"."advisories" USING gin (aliases)`);
    await runner.query(`CREATE TABLE "scanner"."advisory_packages" (
      advisory_id text NOT NULL REFERENCES "scanner"."advisories" (id) ON DELETE CASCADE,
      ecosystem text NOT NULL,
      name text NOT NULL,
      affected jsonb NOT NULL
    )`);
    await runner.query(`CREATE INDEX advisory_packages_match_idx ON "scanner"."advisory_packages" (ecosystem, name)`);
    await runner.query(`CREATE INDEX advisory_packages_advisory_idx ON "scanner"."advisory_packages" (advisory_id)`);
    await runner.query(`CREATE TABLE "scanner"."advisory_imports" (
      id bigserial PRIMARY KEY,
      source text NOT NULL,
      started_at timestamptz NOT NULL,
      finished_at timestamptz NOT NULL,
      summary jsonb NOT NULL
    )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "scanner"."advisory_imports"`);
    await runner.query(`DROP TABLE "scanner"."advisory_packages"`);
    await runner.query(`DROP TABLE "scanner"."advisories"`);
  }
}
