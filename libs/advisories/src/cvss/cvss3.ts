import { AdvisoryError } from '../advisory-error.js';
import { type CvssScore } from '../advisory.js';
import { parseVectorMetrics, ratingOfScore } from './cvss-rating.js';

const BASE: Record<string, readonly string[]> = {
  AV: ['N', 'A', 'L', 'P'],
  AC: ['L', 'H'],
  PR: ['N', 'L', 'H'],
  UI: ['N', 'R'],
  S: ['U', 'C'],
  C: ['H', 'L', 'N'],
  I: ['H', 'L', 'N'],
  A: ['H', 'L', 'N'],
};
const X = ['X'];
// Temporal and environmental metrics are valid in a vector but do not change the base score.
const ALLOWED: Record<string, readonly string[]> = {
  ...BASE,
  E: [...X, 'H', 'F', 'P', 'U'],
  RL: [...X, 'U', 'W', 'T', 'O'],
  RC: [...X, 'C', 'R', 'U'],
  CR: [...X, 'H', 'M', 'L'],
  IR: [...X, 'H', 'M', 'L'],
  AR: [...X, 'H', 'M', 'L'],
  ...Object.fromEntries(Object.entries(BASE).map(([key, values]) => [`M${key}`, [...X, ...values]])),
};

const AV: Record<string, number> = { N: 0.85, A: 0.62, L: 0.55, P: 0.2 };
const AC: Record<string, number> = { L: 0.77, H: 0.44 };
const PR_UNCHANGED: Record<string, number> = { N: 0.85, L: 0.62, H: 0.27 };
const PR_CHANGED: Record<string, number> = { N: 0.85, L: 0.68, H: 0.5 };
const UI: Record<string, number> = { N: 0.85, R: 0.62 };
const CIA: Record<string, number> = { H: 0.56, L: 0.22, N: 0 };

/** CVSS 3.1 Roundup (spec appendix A): integer arithmetic so that e.g. 4.000000000000001 stays 4.0. */
function roundUp31(value: number): number {
  const scaled = Math.round(value * 100_000);
  return scaled % 10_000 === 0 ? scaled / 100_000 : (Math.floor(scaled / 10_000) + 1) / 10;
}

/** CVSS 3.0 round-up: the smallest number with one decimal that is not below the value. */
function roundUp30(value: number): number {
  return Math.ceil(value * 10) / 10;
}

/** The CVSS 3.0/3.1 base score of a vector (`CVSS:3.x/AV:…`); throws AdvisoryError('invalid_vector'). */
export function scoreCvss3(vector: string): CvssScore {
  const version = vector.startsWith('CVSS:3.0/') ? '3.0' : '3.1';
  let metrics: Map<string, string>;
  try {
    metrics = parseVectorMetrics(vector, `CVSS:${version}/`, ALLOWED);
  } catch (error) {
    throw new AdvisoryError('invalid_vector', `invalid CVSS v3 vector "${vector}": ${(error as Error).message}`);
  }
  const missing = Object.keys(BASE).filter((key) => !metrics.has(key));
  if (missing.length > 0) throw new AdvisoryError('invalid_vector', `invalid CVSS v3 vector "${vector}": missing ${missing.join(', ')}`);
  const m = (key: string): string => metrics.get(key) as string;

  const changed = m('S') === 'C';
  const iss = 1 - (1 - CIA[m('C')]) * (1 - CIA[m('I')]) * (1 - CIA[m('A')]);
  const impact = changed ? 7.52 * (iss - 0.029) - 3.25 * (iss - 0.02) ** 15 : 6.42 * iss;
  const exploitability = 8.22 * AV[m('AV')] * AC[m('AC')] * (changed ? PR_CHANGED : PR_UNCHANGED)[m('PR')] * UI[m('UI')];
  const roundUp = version === '3.0' ? roundUp30 : roundUp31;
  let score = 0;
  if (impact > 0) score = roundUp(Math.min((changed ? 1.08 : 1) * (impact + exploitability), 10));
  return { vector, version, score, rating: ratingOfScore(score) };
}
