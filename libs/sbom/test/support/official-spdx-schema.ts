import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import Ajv2019, { type ErrorObject } from 'ajv/dist/2019';
import addFormats from 'ajv-formats';
import { SPDX_23_VALUE_FORMATS } from './spdx-2.3-value-formats.schema.js';

const FETCH_SCRIPT = resolve(__dirname, '../../../../tools/spdx-schema.mjs');

/**
 * The official SPDX 2.3 JSON schema (JSON Schema 2019-09) as the SPDX project publishes it in org.spdx:tools-java,
 * fetched with Maven and cached by tools/spdx-schema.mjs on first use.
 */
export async function officialSpdx23Schema(): Promise<Record<string, unknown>> {
  const { stdout } = await promisify(execFile)(process.execPath, [FETCH_SCRIPT], { timeout: 10 * 60_000 });
  return JSON.parse(readFileSync(stdout.trim(), 'utf8')) as Record<string, unknown>;
}

/** Checks a document against one schema; the errors, empty when valid. */
export type SchemaCheck = (document: unknown) => ErrorObject[];

export interface Spdx23Checks {
  /** The official schema: structure, required fields, enumerations, no unknown properties. */
  official: SchemaCheck;
  /** The value formats the specification's text requires (spdx-2.3-value-formats.schema.ts). */
  valueFormats: SchemaCheck;
}

/** Validators for SPDX 2.3 JSON documents: the official schema and the value formats it leaves out. */
export async function spdx23Checks(): Promise<Spdx23Checks> {
  const ajv = new Ajv2019({ allErrors: true, strict: true });
  addFormats(ajv);
  const check = (schema: Record<string, unknown>): SchemaCheck => {
    const validate = ajv.compile(schema);
    return (document) => (validate(document) ? [] : [...(validate.errors ?? [])]);
  };
  return { official: check(await officialSpdx23Schema()), valueFormats: check(SPDX_23_VALUE_FORMATS) };
}
