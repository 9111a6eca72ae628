import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** Analysis results, review cases with their items, and the append-only audit log. */
export class CreateReviewTables1767400000000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE review.analysis_results (
      build_id uuid NOT NULL,
      kind text NOT NULL CHECK (kind IN ('scan', 'anomaly')),
      event_id text NOT NULL,
      payload jsonb NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (build_id, kind)
    )`);
    // build_id UNIQUE is what makes a second case for one build impossible, whatever the handlers do
    await runner.query(`CREATE TABLE review.review_cases (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      build_id uuid NOT NULL CONSTRAINT review_cases_build_id_key UNIQUE,
      name text NOT NULL,
      tag text NOT NULL,
      lineage text NOT NULL,
      submitter text NOT NULL,
      image_digest text NOT NULL,
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
      verdict text CHECK (verdict IN ('approved', 'rejected')),
      reviewer text,
      comment text,
      opened_at timestamptz NOT NULL DEFAULT now(),
      closed_at timestamptz,
      CONSTRAINT review_cases_closed_has_verdict CHECK (
        (status = 'open' AND verdict IS NULL AND closed_at IS NULL) OR
        (status = 'closed' AND verdict IS NOT NULL AND reviewer IS NOT NULL AND closed_at IS NOT NULL))
    )`);
    await runner.query(`CREATE INDEX review_cases_opened_idx ON review.review_cases (opened_at DESC, id DESC)`);
    await runner.query(`CREATE INDEX review_cases_status_opened_idx ON review.review_cases (status, opened_at DESC, id DESC)`);
    await runner.query(`CREATE TABLE review.review_items (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      case_id uuid NOT NULL REFERENCES review.review_cases (id),
      position integer NOT NULL,
      source text NOT NULL CHECK (source IN ('scanner', 'anomaly-detector', 'reviewer')),
      ref_id text,
      kind text NOT NULL,
      category text NOT NULL,
      severity text NOT NULL CHECK (severity IN ('critical', 'high', 'medium', 'low', 'info')),
      confidence double precision NOT NULL CHECK (confidence >= 0 AND confidence <= 1),
      suppressed boolean NOT NULL DEFAULT false,
      title text NOT NULL,
      explanation text,
      remediation text,
      evidence jsonb NOT NULL,
      features jsonb NOT NULL,
      decision text CHECK (decision IN ('confirmed', 'false_positive', 'accepted_risk', 'not_applicable')),
      decision_reason text,
      decision_justification text,
      decision_expires_at timestamptz,
      decided_by text,
      decided_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT review_items_case_position_key UNIQUE (case_id, position)
    )`);
    await runner.query(`CREATE TABLE review.audit_log (
      id bigserial PRIMARY KEY,
      case_id uuid NOT NULL REFERENCES review.review_cases (id),
      build_id uuid NOT NULL,
      actor text NOT NULL,
      action text NOT NULL,
      detail jsonb NOT NULL DEFAULT '{}'::jsonb,
      at timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query(`CREATE INDEX audit_log_case_idx ON review.audit_log (case_id, id)`);
    // the audit trail is evidence: the database itself refuses to change or remove an entry
    await runner.query(`CREATE FUNCTION review.audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'review.audit_log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
      END
    $$`);
    await runner.query(`CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON review.audit_log
      FOR EACH ROW EXECUTE FUNCTION review.audit_log_append_only()`);
    await runner.query(`CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON review.audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION review.audit_log_append_only()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE review.audit_log`);
    await runner.query(`DROP FUNCTION review.audit_log_append_only()`);
    await runner.query(`DROP TABLE review.review_items`);
    await runner.query(`DROP TABLE review.review_cases`);
    await runner.query(`DROP TABLE review.analysis_results`);
  }
}
