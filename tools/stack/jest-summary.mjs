// The closing `N passed, N failed[, N skipped]` line of `npm test`, computed from Jest's --json report.

/** Counts from a Jest JSON report; a suite that failed without running a test (e.g. it did not compile) is one failure. */
export function countResults(report) {
  const brokenSuites = (report.testResults ?? [])
    .filter((suite) => suite.status === 'failed' && (suite.assertionResults ?? []).length === 0).length;
  return {
    passed: report.numPassedTests ?? 0,
    failed: (report.numFailedTests ?? 0) + brokenSuites,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  };
}

/** `N passed, N failed`, with `, N skipped` only when something was skipped. */
export function summaryLine({ passed, failed, skipped }) {
  return `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
}
