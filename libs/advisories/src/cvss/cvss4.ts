import { AdvisoryError } from '../advisory-error.js';
import { type CvssScore } from '../advisory.js';
import { parseVectorMetrics, ratingOfScore } from './cvss-rating.js';
import { CVSS4_MACRO_SCORES } from './cvss4-lookup.js';

const HLN = ['H', 'L', 'N'];
const BASE: Record<string, readonly string[]> = {
  AV: ['N', 'A', 'L', 'P'], AC: ['L', 'H'], AT: ['N', 'P'], PR: ['N', 'L', 'H'], UI: ['N', 'P', 'A'],
  VC: HLN, VI: HLN, VA: HLN, SC: HLN, SI: HLN, SA: HLN,
};
const ALLOWED: Record<string, readonly string[]> = {
  ...BASE,
  E: ['X', 'A', 'P', 'U'], CR: ['X', 'H', 'M', 'L'], IR: ['X', 'H', 'M', 'L'], AR: ['X', 'H', 'M', 'L'],
  MAV: ['X', ...BASE.AV], MAC: ['X', ...BASE.AC], MAT: ['X', ...BASE.AT], MPR: ['X', ...BASE.PR], MUI: ['X', ...BASE.UI],
  MVC: ['X', ...HLN], MVI: ['X', ...HLN], MVA: ['X', ...HLN], MSC: ['X', ...HLN], MSI: ['X', 'S', ...HLN], MSA: ['X', 'S', ...HLN],
  S: ['X', 'N', 'P'], AU: ['X', 'N', 'Y'], R: ['X', 'A', 'U', 'I'], V: ['X', 'D', 'C'], RE: ['X', 'L', 'M', 'H'],
  U: ['X', 'Clear', 'Green', 'Amber', 'Red'],
};

// Severity levels within each metric, in tenths of a macro-vector step (specification §8.2).
const LEVELS: Record<string, Record<string, number>> = {
  AV: { N: 0, A: 0.1, L: 0.2, P: 0.3 }, PR: { N: 0, L: 0.1, H: 0.2 }, UI: { N: 0, P: 0.1, A: 0.2 },
  AC: { L: 0, H: 0.1 }, AT: { N: 0, P: 0.1 },
  VC: { H: 0, L: 0.1, N: 0.2 }, VI: { H: 0, L: 0.1, N: 0.2 }, VA: { H: 0, L: 0.1, N: 0.2 },
  SC: { H: 0.1, L: 0.2, N: 0.3 }, SI: { S: 0, H: 0.1, L: 0.2, N: 0.3 }, SA: { S: 0, H: 0.1, L: 0.2, N: 0.3 },
  CR: { H: 0, M: 0.1, L: 0.2 }, IR: { H: 0, M: 0.1, L: 0.2 }, AR: { H: 0, M: 0.1, L: 0.2 },
};

// The highest-severity vectors of each equivalence-class level; EQ3 is indexed by EQ3 then EQ6.
const MAX_COMPOSED: Record<string, Record<string, string[]>> = {
  eq1: { 0: ['AV:N/PR:N/UI:N'], 1: ['AV:A/PR:N/UI:N', 'AV:N/PR:L/UI:N', 'AV:N/PR:N/UI:P'], 2: ['AV:P/PR:N/UI:N', 'AV:A/PR:L/UI:P'] },
  eq2: { 0: ['AC:L/AT:N'], 1: ['AC:H/AT:N', 'AC:L/AT:P'] },
  eq3eq6: {
    '00': ['VC:H/VI:H/VA:H/CR:H/IR:H/AR:H'],
    '01': ['VC:H/VI:H/VA:L/CR:M/IR:M/AR:H', 'VC:H/VI:H/VA:H/CR:M/IR:M/AR:M'],
    '10': ['VC:L/VI:H/VA:H/CR:H/IR:H/AR:H', 'VC:H/VI:L/VA:H/CR:H/IR:H/AR:H'],
    '11': ['VC:L/VI:H/VA:L/CR:H/IR:M/AR:H', 'VC:L/VI:H/VA:H/CR:H/IR:M/AR:M', 'VC:H/VI:L/VA:H/CR:M/IR:H/AR:M',
      'VC:H/VI:L/VA:L/CR:M/IR:H/AR:H', 'VC:L/VI:L/VA:H/CR:H/IR:H/AR:M'],
    '21': ['VC:L/VI:L/VA:L/CR:H/IR:H/AR:H'],
  },
  eq4: { 0: ['SC:H/SI:S/SA:S'], 1: ['SC:H/SI:H/SA:H'], 2: ['SC:L/SI:L/SA:L'] },
};
// Depth of each level in steps of 0.1, used to normalise the distance from its maximum vector.
const MAX_SEVERITY = { eq1: [1, 4, 5], eq2: [1, 2], eq3eq6: { '00': 7, '01': 6, '10': 8, '11': 8, '21': 10 } as Record<string, number>, eq4: [6, 5, 4] };

type Metric = (key: string) => string;

function effective(metrics: Map<string, string>): Metric {
  return (key) => {
    const modified = metrics.get(`M${key}`);
    if (modified !== undefined && modified !== 'X') return modified;
    const value = metrics.get(key) ?? 'X';
    if (value !== 'X') return value;
    if (key === 'E') return 'A';
    return key === 'CR' || key === 'IR' || key === 'AR' ? 'H' : value;
  };
}

function macroVector(m: Metric): number[] {
  const anyN = m('AV') === 'N' || m('PR') === 'N' || m('UI') === 'N';
  const eq1 = m('AV') === 'N' && m('PR') === 'N' && m('UI') === 'N' ? 0 : anyN && m('AV') !== 'P' ? 1 : 2;
  const eq2 = m('AC') === 'L' && m('AT') === 'N' ? 0 : 1;
  const eq3 = m('VC') === 'H' && m('VI') === 'H' ? 0 : m('VC') === 'H' || m('VI') === 'H' || m('VA') === 'H' ? 1 : 2;
  const eq4 = m('SI') === 'S' || m('SA') === 'S' ? 0 : m('SC') === 'H' || m('SI') === 'H' || m('SA') === 'H' ? 1 : 2;
  const eq5 = { A: 0, P: 1, U: 2 }[m('E')] as number;
  const highRequirement = (m('CR') === 'H' && m('VC') === 'H') || (m('IR') === 'H' && m('VI') === 'H') || (m('AR') === 'H' && m('VA') === 'H');
  return [eq1, eq2, eq3, eq4, eq5, highRequirement ? 0 : 1];
}

const scoreOf = (eqs: number[]): number => CVSS4_MACRO_SCORES.get(eqs.join('')) ?? Number.NaN;
const bump = (eqs: number[], ...indexes: number[]): number[] => eqs.map((value, i) => (indexes.includes(i) ? value + 1 : value));

/** Per-metric distance of the vector from the first maximal vector of its macro-vector that it does not exceed. */
function severityDistances(m: Metric, eqs: number[]): Map<string, number> {
  const [eq1, eq2, eq3, eq4, , eq6] = eqs;
  const parts = [MAX_COMPOSED.eq1[eq1], MAX_COMPOSED.eq2[eq2], MAX_COMPOSED.eq3eq6[`${eq3}${eq6}`], MAX_COMPOSED.eq4[eq4]];
  let candidates = [''];
  for (const options of parts) candidates = candidates.flatMap((prefix) => options.map((option) => `${prefix}/${option}`));
  let distances = new Map<string, number>();
  for (const candidate of candidates) {
    const max = new Map(candidate.slice(1).split('/').map((field) => field.split(':') as [string, string]));
    distances = new Map(Object.keys(LEVELS).map((key) => [key, LEVELS[key][m(key)] - LEVELS[key][max.get(key) as string]]));
    if ([...distances.values()].every((d) => d >= 0)) break;
  }
  return distances;
}

function baseScore(m: Metric): number {
  if (['VC', 'VI', 'VA', 'SC', 'SI', 'SA'].every((key) => m(key) === 'N')) return 0;
  const eqs = macroVector(m);
  const [eq1, eq2, eq3, eq4, , eq6] = eqs;
  const value = scoreOf(eqs);
  const lower3and6 = eq3 === 0 && eq6 === 0 ? Math.max(scoreOf(bump(eqs, 5)), scoreOf(bump(eqs, 2)))
    : eq3 === 1 && eq6 === 0 ? scoreOf(bump(eqs, 5)) : eq3 === 2 ? scoreOf(bump(eqs, 2, 5)) : scoreOf(bump(eqs, 2));
  const d = severityDistances(m, eqs);
  const sum = (...keys: string[]): number => keys.reduce((total, key) => total + (d.get(key) as number), 0);
  const dimensions = [
    { lower: scoreOf(bump(eqs, 0)), distance: sum('AV', 'PR', 'UI'), depth: MAX_SEVERITY.eq1[eq1] },
    { lower: scoreOf(bump(eqs, 1)), distance: sum('AC', 'AT'), depth: MAX_SEVERITY.eq2[eq2] },
    { lower: lower3and6, distance: sum('VC', 'VI', 'VA', 'CR', 'IR', 'AR'), depth: MAX_SEVERITY.eq3eq6[`${eq3}${eq6}`] },
    { lower: scoreOf(bump(eqs, 3)), distance: sum('SC', 'SI', 'SA'), depth: MAX_SEVERITY.eq4[eq4] },
    // EQ5 has a single vector per level, so it counts towards the mean with a distance of zero
    { lower: scoreOf(bump(eqs, 4)), distance: 0, depth: 1 },
  ];
  let total = 0;
  let existing = 0;
  for (const { lower, distance, depth } of dimensions) {
    const available = value - lower;
    if (!(available >= 0)) continue;
    existing += 1;
    total += available * (distance / (depth * 0.1));
  }
  const score = Math.min(10, Math.max(0, value - (existing === 0 ? 0 : total / existing)));
  // round half up; the epsilon absorbs float error such as 8.6 - 7.15 = 1.4499999999999993
  return Math.round((score + 1e-6) * 10) / 10;
}

/** The CVSS 4.0 score of a vector (`CVSS:4.0/AV:…`), threat and environmental metrics included; throws AdvisoryError('invalid_vector'). */
export function scoreCvss4(vector: string): CvssScore {
  let metrics: Map<string, string>;
  try {
    metrics = parseVectorMetrics(vector, 'CVSS:4.0/', ALLOWED);
  } catch (error) {
    throw new AdvisoryError('invalid_vector', `invalid CVSS v4 vector "${vector}": ${(error as Error).message}`);
  }
  const missing = Object.keys(BASE).filter((key) => !metrics.has(key));
  if (missing.length > 0) throw new AdvisoryError('invalid_vector', `invalid CVSS v4 vector "${vector}": missing ${missing.join(', ')}`);
  const score = baseScore(effective(metrics));
  return { vector, version: '4.0', score, rating: ratingOfScore(score) };
}
