import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** Each analysed build keeps its full profile (packages, executables, accounts, config, integrity): baselines are made of them. */
export class AddBuildProfile1767744000000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "anomaly_detector"."profiles" ADD COLUMN profile jsonb, ADD COLUMN notes jsonb NOT NULL DEFAULT '[]'`);
    await runner.query(`ALTER TABLE "anomaly_detector"."baselines" ADD COLUMN reset_at timestamptz, ADD COLUMN reset_by text`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "anomaly_detector"."baselines" DROP COLUMN reset_by, DROP COLUMN reset_at`);
    await runner.query(`ALTER TABLE "anomaly_detector"."profiles" DROP COLUMN notes, DROP COLUMN profile`);
  }
}
