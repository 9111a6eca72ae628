import { SPDX } from '@cyclonedx/cyclonedx-library';
import parseSpdxExpression from 'spdx-expression-parse';

/** A license string of package metadata as an SPDX license id, a valid SPDX expression, or free text. */
export type LicenseTerm = { kind: 'id'; value: string } | { kind: 'expression'; value: string } | { kind: 'text'; value: string };

/** Classifies one license string; ids are returned in their canonical SPDX spelling. */
export function licenseTerm(raw: string): LicenseTerm {
  const id = SPDX.fixupSpdxId(raw);
  if (id !== undefined) return { kind: 'id', value: id };
  try {
    parseSpdxExpression(raw);
    return { kind: 'expression', value: raw };
  } catch {
    return { kind: 'text', value: raw };
  }
}

/** One SPDX expression requiring all the given ids/expressions (metadata listing several licenses means all apply). */
export function conjunction(values: string[]): string {
  if (values.length === 1) return values[0];
  return values.map((value) => (/\s/.test(value) && !parenthesised(value) ? `(${value})` : value)).join(' AND ');
}

// `(A OR B)` is wrapped as a whole; `(A) OR (B)` is not
function parenthesised(value: string): boolean {
  if (!value.startsWith('(')) return false;
  let depth = 0;
  for (let index = 0; index < value.length; index += 1) {
    if (value[index] === '(') depth += 1;
    else if (value[index] === ')' && --depth === 0) return index === value.length - 1;
  }
  return false;
}
