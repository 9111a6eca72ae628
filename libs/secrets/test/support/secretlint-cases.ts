import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ScanTextOptions } from '../../src/index.js';
import { corporaDir } from './corpora.js';

export interface ExpectedMessage {
  messageId: string;
  startLine: number;
  endLine: number;
}

/** One secretlint snapshot case: its input file, what secretlint reported, and its options in our terms. */
export interface SecretlintCase {
  /** `aws`, `github`, … (the rule package name without `secretlint-rule-`). */
  family: string;
  name: string;
  /** The input's path relative to the case directory, as secretlint scanned it (`.npmrc`, `input.txt`). */
  inputPath: string;
  content: Buffer;
  binary: boolean;
  expected: ExpectedMessage[];
  options: ScanTextOptions;
}

interface OutputJson {
  filePath: string;
  sourceContentType?: string;
  messages: { messageId: string; loc: { start: { line: number }; end: { line: number } } }[];
}

interface RcJson {
  rules?: { id: string; options?: { allows?: string[]; enableIDScanRule?: boolean } }[];
}

/** `"/re/flags"` is a pattern in secretlint's `allows`, anything else an exact value. */
function allowValue(text: string): string | RegExp {
  const re = /^\/(.*)\/([a-z]*)$/s.exec(text);
  return re ? new RegExp(re[1], re[2]) : text;
}

/** The options a case's .secretlintrc.json sets that have an equivalent here: `allows` and `enableIDScanRule: false`. */
function optionsOf(dir: string): ScanTextOptions {
  const file = join(dir, '.secretlintrc.json');
  if (!existsSync(file)) return {};
  const rc = JSON.parse(readFileSync(file, 'utf8')) as RcJson;
  const allowValues = (rc.rules ?? []).flatMap((rule) => rule.options?.allows ?? []).map(allowValue);
  const disabledRules = (rc.rules ?? []).some((rule) => rule.options?.enableIDScanRule === false) ? ['secret.aws-access-key-id'] : [];
  return { allowValues, disabledRules };
}

/** Every case of the secretlint corpus. */
export function secretlintCases(): SecretlintCase[] {
  const root = join(corporaDir(), 'secrets/secretlint');
  const cases: SecretlintCase[] = [];
  for (const pkg of readdirSync(root).filter((name) => name.startsWith('secretlint-rule-')).sort()) {
    for (const name of readdirSync(join(root, pkg)).sort()) {
      const dir = join(root, pkg, name);
      const output = JSON.parse(readFileSync(join(dir, 'output.json'), 'utf8')) as OutputJson;
      const inputPath = output.filePath.replace(/^\[SNAPSHOT\]\/[^/]+\//, '');
      cases.push({
        family: pkg.replace('secretlint-rule-', ''),
        name,
        inputPath,
        content: readFileSync(join(dir, inputPath)),
        binary: output.sourceContentType === 'binary',
        expected: output.messages.map((m) => ({ messageId: m.messageId, startLine: m.loc.start.line, endLine: m.loc.end.line })),
        options: optionsOf(dir),
      });
    }
  }
  return cases;
}
