import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** The package catalog of each scanned build, from which its CycloneDX and SPDX documents are served. */
export class CreateSbomTable1767484800000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    // the catalog is stored with its scan in one transaction and goes with it
    await runner.query(`CREATE TABLE "scanner"."sboms" (
      build_id uuid PRIMARY KEY REFERENCES "scanner"."scans" (build_id) ON DELETE CASCADE,
      os jsonb,
      packages jsonb NOT NULL,
      removed jsonb NOT NULL,
      notes jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "scanner"."sboms"`);
  }
}
