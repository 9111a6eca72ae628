import { canAdvanceBuild, canAdvanceStage } from './build-status.js';

describe('build status transitions', () => {
  it('moves a build forward only', () => {
    expect(canAdvanceBuild('analysing', 'in_review')).toBe(true);
    expect(canAdvanceBuild('stored', 'analysing')).toBe(true);
    expect(canAdvanceBuild('analysing', 'approved')).toBe(true);
    expect(canAdvanceBuild('in_review', 'analysing')).toBe(false);
    expect(canAdvanceBuild('analysing', 'analysing')).toBe(false);
  });

  it('never changes a final status', () => {
    for (const final of ['approved', 'rejected', 'failed'] as const) {
      for (const next of ['analysing', 'in_review', 'approved', 'rejected', 'failed'] as const) expect(canAdvanceBuild(final, next)).toBe(false);
    }
  });

  it('moves a stage from pending through running to done or failed, never back', () => {
    expect(canAdvanceStage('pending', 'running')).toBe(true);
    expect(canAdvanceStage('pending', 'done')).toBe(true);
    expect(canAdvanceStage('running', 'failed')).toBe(true);
    expect(canAdvanceStage('done', 'running')).toBe(false);
    expect(canAdvanceStage('done', 'failed')).toBe(false);
  });
});
