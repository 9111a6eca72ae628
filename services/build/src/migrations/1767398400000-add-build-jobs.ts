import { type MigrationInterface, type QueryRunner } from 'typeorm';

const STAGES = `'receive', 'build', 'store', 'scan', 'anomaly', 'review'`;
const OLD_STAGES = `'receive', 'store', 'scan', 'anomaly', 'review'`;

/** Dockerfile and registry builds: the `build` stage, the Dockerfile text, and the work queue of builds to run. */
export class AddBuildJobs1767398400000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE build.build_stages DROP CONSTRAINT build_stages_stage_check');
    await runner.query(`ALTER TABLE build.build_stages ADD CONSTRAINT build_stages_stage_check CHECK (stage IN (${STAGES}))`);
    await runner.query('ALTER TABLE build.builds ADD COLUMN dockerfile text');
    await runner.query(`CREATE TABLE build.build_jobs (
      build_id uuid PRIMARY KEY REFERENCES build.builds (id) ON DELETE CASCADE,
      request jsonb NOT NULL,
      state text NOT NULL CONSTRAINT build_jobs_state_check CHECK (state IN ('queued', 'running')),
      attempts integer NOT NULL DEFAULT 0,
      claim_id uuid,
      lease_until timestamptz,
      queued_at timestamptz NOT NULL
    )`);
    // workers take the oldest claimable job first
    await runner.query('CREATE INDEX build_jobs_queue_idx ON build.build_jobs (queued_at, build_id)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE build.build_jobs');
    await runner.query('ALTER TABLE build.builds DROP COLUMN dockerfile');
    await runner.query("DELETE FROM build.build_stages WHERE stage = 'build'");
    await runner.query('ALTER TABLE build.build_stages DROP CONSTRAINT build_stages_stage_check');
    await runner.query(`ALTER TABLE build.build_stages ADD CONSTRAINT build_stages_stage_check CHECK (stage IN (${OLD_STAGES}))`);
  }
}
