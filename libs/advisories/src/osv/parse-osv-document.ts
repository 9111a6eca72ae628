import { isScalar, parseDocument, visit } from 'yaml';
import { AdvisoryError } from '../advisory-error.js';

/** The records of one OSV document: a single record, an array of records, or an osv.dev `{"vulns": [...]}` bundle. */
function recordsOf(value: unknown, name: string): unknown[] {
  if (Array.isArray(value)) return value;
  if (value !== null && typeof value === 'object') {
    const vulns = (value as { vulns?: unknown }).vulns;
    if (Array.isArray(vulns) && !('id' in value)) return vulns;
    return [value];
  }
  throw new AdvisoryError('invalid_record', `${name} does not hold an OSV record (a JSON/YAML object)`);
}

function parseYaml(text: string, name: string): unknown {
  const doc = parseDocument(text, { uniqueKeys: false });
  if (doc.errors.length > 0) throw new AdvisoryError('invalid_record', `${name} is not valid YAML: ${doc.errors[0].message.split('\n')[0]}`);
  // Versions such as `- 1.0` or `fixed: 0.10` are plain scalars that YAML reads as numbers; keep their source text.
  visit(doc, {
    Scalar(_key, node) {
      if (isScalar(node) && (typeof node.value === 'number' || typeof node.value === 'bigint') && node.source !== undefined) {
        node.value = String(node.source);
      }
    },
  });
  try {
    // a bounded alias expansion stops "billion laughs" documents
    return doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    throw new AdvisoryError('invalid_record', `${name} cannot be read as YAML: ${(error as Error).message}`);
  }
}

/** Parses the bytes of an OSV file (JSON, or YAML when it does not look like JSON) into its raw records. */
export function parseOsvDocument(bytes: Buffer | string, name: string): unknown[] {
  const text = (typeof bytes === 'string' ? bytes : bytes.toString('utf8')).replace(/^\uFEFF/, '');
  const first = /\S/.exec(text)?.[0];
  if (first === undefined) throw new AdvisoryError('invalid_record', `${name} is empty`);
  const yaml = /\.ya?ml$/i.test(name) || (first !== '{' && first !== '[');
  if (!yaml) {
    try {
      return recordsOf(JSON.parse(text), name);
    } catch (error) {
      if (error instanceof AdvisoryError) throw error;
      throw new AdvisoryError('invalid_record', `${name} is not valid JSON: ${(error as Error).message}`);
    }
  }
  return recordsOf(parseYaml(text, name), name);
}
