import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** The review events the trainer learns from, and the model versions it publishes. */
export class CreateTrainerTables1767400000000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE feedback_trainer.review_events (
      event_id text PRIMARY KEY,
      type text NOT NULL CHECK (type IN ('review.opened', 'review.decision', 'review.completed')),
      build_id uuid NOT NULL,
      case_id uuid NOT NULL,
      lineage text NOT NULL,
      verdict text CHECK (verdict IN ('approved', 'rejected')),
      payload jsonb NOT NULL,
      occurred_at timestamptz NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query(`CREATE INDEX review_events_received_idx ON feedback_trainer.review_events (received_at DESC, event_id DESC)`);
    await runner.query(`CREATE INDEX review_events_build_idx ON feedback_trainer.review_events (build_id, received_at DESC, event_id DESC)`);
    await runner.query(`CREATE TABLE feedback_trainer.models (
      version text PRIMARY KEY,
      created_at timestamptz NOT NULL DEFAULT now(),
      training_window jsonb NOT NULL,
      weights jsonb NOT NULL,
      metrics jsonb NOT NULL,
      published boolean NOT NULL DEFAULT false
    )`);
    await runner.query(`CREATE INDEX models_published_idx ON feedback_trainer.models (created_at DESC) WHERE published`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE feedback_trainer.models`);
    await runner.query(`DROP TABLE feedback_trainer.review_events`);
  }
}
