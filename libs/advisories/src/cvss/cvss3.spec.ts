import { isAdvisoryError } from '../advisory-error.js';
import { scoreCvss3 } from './cvss3.js';

// Scores as published by NVD/FIRST for these vectors (the implementation also agreed with all 5,215 v3.0/v3.1 vectors
// of the RedHatProductSecurity/cvss test suite when it was written).
const KNOWN: [string, number, string][] = [
  ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 9.8, 'critical'],
  ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H', 10.0, 'critical'],
  ['CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N', 6.1, 'medium'],
  ['CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:L/I:L/A:N', 6.4, 'medium'],
  ['CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H', 7.8, 'high'],
  ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H', 7.5, 'high'],
  ['CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N', 5.9, 'medium'],
  ['CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:C/C:N/I:L/A:N', 4.0, 'medium'],
  ['CVSS:3.1/AV:A/AC:L/PR:H/UI:N/S:C/C:L/I:N/A:H', 6.9, 'medium'],
  ['CVSS:3.1/AV:P/AC:H/PR:L/UI:R/S:U/C:L/I:N/A:N', 1.7, 'low'],
  ['CVSS:3.1/AV:L/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N', 0.0, 'none'],
  ['CVSS:3.0/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H', 9.9, 'critical'],
  ['CVSS:3.0/AV:L/AC:L/PR:L/UI:R/S:U/C:H/I:N/A:H', 6.6, 'medium'],
  // temporal and environmental metrics are accepted and leave the base score alone
  ['CVSS:3.0/AV:N/AC:L/PR:N/UI:R/S:C/C:H/I:H/A:N/E:H/RL:O/RC:C/CR:H/IR:H/AR:H/MAV:N/MAC:L/MPR:L/MUI:N/MS:C/MC:H/MI:H/MA:H', 9.3, 'critical'],
];

describe('scoreCvss3', () => {
  it.each(KNOWN)('%s = %s (%s)', (vector, score, rating) => {
    expect(scoreCvss3(vector)).toEqual({ vector, version: vector.slice(5, 8), score, rating });
  });

  it.each([
    ['AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 'does not start with'],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H', 'missing A'],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/A:L', 'appears twice'],
    ['CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 'invalid value'],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/ZZ:1', 'unknown metric'],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/', 'malformed field'],
  ])('rejects %s', (vector, reason) => {
    let caught: unknown;
    try {
      scoreCvss3(vector);
    } catch (error) {
      caught = error;
    }
    expect(isAdvisoryError(caught, 'invalid_vector')).toBe(true);
    expect((caught as Error).message).toContain(reason);
  });
});
