import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** What a scan's checks read and skipped (secret scan: files scanned, binary and oversize files skipped, …). */
export class AddScanReport1767657600000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "scanner"."scans" ADD COLUMN report jsonb`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "scanner"."scans" DROP COLUMN report`);
  }
}
