import { createHash } from 'node:crypto';
import { type Instruction, type Property, PropertyInstruction } from 'dockerfile-ast';
import { DOCKERFILE_RULE_IDS as ID } from '../rules/rule-ids.js';
import { type CheckContext, report } from './check-context.js';

const SECRET_NAME = /PASSWORD|PASSWD|PASSPHRASE|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|CREDENTIAL|AUTH_?KEY/i;
/** Names that mention a secret but hold something else: where it is, who it is, how it behaves. */
const NOT_A_SECRET = /_(FILE|PATH|DIR|URL|URI|ENDPOINT|HOST|PORT|ID|USER|USERNAME|NAME|TYPE|LENGTH|TTL|EXPIRY|ENABLED|REF)$/i;
const VARIABLE_ONLY = /^\$(\{[^}]*\}|[A-Za-z_][A-Za-z0-9_]*)$/;
const FLAG_VALUE = /^(true|false|yes|no|on|off|none|null|0|1)$/i;

/**
 * Secrets in ARG and ENV: what the credential detector recognises in `NAME=value`, and, with no detector needed, a
 * variable named like a secret with a literal value. Evidence carries the detector's redaction and a fingerprint,
 * never the value.
 */
export function checkSecrets(ctx: CheckContext): void {
  const instructions: Instruction[] = [...ctx.model.ast.getInitialARGs(), ...ctx.model.stages.flatMap((s) => s.instructions)];
  for (const instruction of instructions) {
    const keyword = instruction.getKeyword();
    if ((keyword !== 'ARG' && keyword !== 'ENV') || !(instruction instanceof PropertyInstruction)) continue;
    for (const property of instruction.getProperties()) checkProperty(ctx, instruction, keyword, property);
  }
}

function checkProperty(ctx: CheckContext, instruction: Instruction, keyword: string, property: Property): void {
  const name = property.getName();
  const value = property.getValue();
  if (value === null || value.trim() === '') return;
  const matches = ctx.options.findSecrets?.(`${name}=${value}`) ?? [];
  for (const match of matches) {
    report(ctx, {
      ruleId: ID.secretInArgEnv,
      title: `${keyword} ${name} holds a credential (${match.ruleId})`,
      at: instruction,
      key: [keyword, name, match.fingerprint],
      details: { name, detector: match.ruleId, redacted: match.redacted, fingerprint: match.fingerprint },
    });
  }
  if (matches.length > 0 || !looksLikeSecret(name, value)) return;
  const fingerprint = `sha256:${createHash('sha256').update(value).digest('hex').slice(0, 16)}`;
  report(ctx, {
    ruleId: ID.secretNamedArgEnv,
    title: `${keyword} ${name} is named like a secret and has a literal value`,
    at: instruction,
    key: [keyword, name, fingerprint],
    details: { name, redacted: '********', fingerprint },
  });
}

/** A name that says secret and a value that is a literal, not a reference, a path or a switch. */
export function looksLikeSecret(name: string, value: string): boolean {
  if (!SECRET_NAME.test(name) || NOT_A_SECRET.test(name)) return false;
  const trimmed = value.trim();
  return !VARIABLE_ONLY.test(trimmed) && !FLAG_VALUE.test(trimmed) && !trimmed.startsWith('/');
}
