import { isAdvisoryError } from '../advisory-error.js';
import { scoreCvss4 } from './cvss4.js';

// Scores from the FIRST CVSS v4.0 calculator (the implementation also agreed with all 1,694 v4.0 vectors of the
// RedHatProductSecurity/cvss test suite, threat, environmental and supplemental metrics included, when it was written).
const KNOWN: [string, number, string][] = [
  ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', 9.3, 'critical'],
  ['CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', 8.5, 'high'],
  ['CVSS:4.0/AV:N/AC:H/AT:N/PR:N/UI:N/VC:H/VI:N/VA:N/SC:L/SI:H/SA:N', 9.0, 'critical'],
  ['CVSS:4.0/AV:A/AC:L/AT:N/PR:L/UI:P/VC:H/VI:L/VA:H/SC:L/SI:L/SA:L', 5.3, 'medium'],
  ['CVSS:4.0/AV:L/AC:H/AT:P/PR:L/UI:P/VC:L/VI:L/VA:L/SC:L/SI:H/SA:H', 2.3, 'low'],
  ['CVSS:4.0/AV:A/AC:H/AT:P/PR:H/UI:N/VC:H/VI:H/VA:N/SC:N/SI:L/SA:L', 7.2, 'high'],
  ['CVSS:4.0/AV:A/AC:L/AT:P/PR:L/UI:A/VC:H/VI:N/VA:N/SC:L/SI:N/SA:N', 4.1, 'medium'],
  ['CVSS:4.0/AV:P/AC:H/AT:N/PR:L/UI:A/VC:L/VI:N/VA:N/SC:H/SI:N/SA:N', 1.8, 'low'],
  ['CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:A/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/E:U', 4.1, 'medium'],
  ['CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:A/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/E:P', 5.9, 'medium'],
  ['CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:A/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/CR:M/IR:L/AR:L', 5.5, 'medium'],
  ['CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:A/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/S:P/AU:Y/R:A/V:C/RE:M/U:Clear', 7.3, 'high'],
  ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N/E:A', 0.0, 'none'],
];

describe('scoreCvss4', () => {
  it.each(KNOWN)('%s = %s (%s)', (vector, score, rating) => {
    expect(scoreCvss4(vector)).toEqual({ vector, version: '4.0', score, rating });
  });

  it.each([
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 'does not start with'],
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N', 'missing SA'],
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:S/SA:N', 'invalid value'],
  ])('rejects %s', (vector, reason) => {
    let caught: unknown;
    try {
      scoreCvss4(vector);
    } catch (error) {
      caught = error;
    }
    expect(isAdvisoryError(caught, 'invalid_vector')).toBe(true);
    expect((caught as Error).message).toContain(reason);
  });
});
