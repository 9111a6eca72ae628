import { type CheckHit } from '../check-hit.js';
import { type ConfigInput, type FoundSecret, historyLayerDigest, runtimeConfig } from './config-input.js';
import { CREDENTIAL_VARIABLE_RULE, SECRET_IN_ENV_RULE, SECRET_IN_HISTORY_RULE, SECRET_IN_LABEL_RULE } from './config-rules.js';
import { buildArgsOf, isCredentialName, isDummyValue, splitAssignment } from './credential-variables.js';

const secretDetails = (key: string, secret: FoundSecret, extra: Record<string, string | number>): Record<string, string | number> => ({
  key,
  ...extra,
  secretRule: secret.ruleId,
  redacted: secret.redacted,
  fingerprint: secret.fingerprint,
});

function credentialHit(key: readonly string[], where: string, name: string, value: string, layerDigest: string | null, detailKey: string): CheckHit {
  return {
    ruleId: CREDENTIAL_VARIABLE_RULE,
    key,
    title: `${where} ${name} sets a credential-named variable to a literal value`,
    // only the length: even a prefix of a short password helps guess it
    evidence: { path: null, layerDigest, details: { key: detailKey, variable: name, valueLength: value.length } },
  };
}

/** Secrets the secret scanner finds in ENV values, labels and history, plus credential-named ENV and build-arg values. */
export function secretHits(input: ConfigInput): CheckHit[] {
  const hits: CheckHit[] = [];
  const seen = new Set<string>();
  for (const entry of runtimeConfig(input).Env ?? []) {
    const assignment = splitAssignment(entry);
    const name = assignment?.name ?? entry;
    const found = input.findSecrets(entry);
    for (const secret of found) {
      seen.add(secret.fingerprint);
      hits.push({ ruleId: SECRET_IN_ENV_RULE, key: [name, secret.fingerprint], title: `Secret (${secret.ruleId}) in ENV ${name}`, evidence: { path: null, details: secretDetails('Env', secret, { variable: name }) } });
    }
    if (found.length === 0 && assignment && isCredentialName(name) && !isDummyValue(assignment.value)) {
      hits.push(credentialHit(['Env', name], 'ENV', name, assignment.value, null, 'Env'));
    }
  }
  for (const [label, value] of Object.entries(runtimeConfig(input).Labels ?? {})) {
    for (const secret of input.findSecrets(`${label}=${value}`)) {
      seen.add(secret.fingerprint);
      hits.push({ ruleId: SECRET_IN_LABEL_RULE, key: [label, secret.fingerprint], title: `Secret (${secret.ruleId}) in label ${label}`, evidence: { path: null, details: secretDetails('Labels', secret, { label }) } });
    }
  }
  hits.push(...historyHits(input, seen));
  return hits;
}

/** History: a secret already reported from ENV or a label (its ENV/LABEL step repeats it) is not reported again. */
function historyHits(input: ConfigInput, seen: Set<string>): CheckHit[] {
  const hits: CheckHit[] = [];
  const credentialArgs = new Set<string>();
  for (const [index, entry] of (input.config.history ?? []).entries()) {
    const createdBy = entry.created_by ?? '';
    const layerDigest = historyLayerDigest(input, index);
    for (const secret of input.findSecrets(createdBy)) {
      if (seen.has(secret.fingerprint)) continue;
      seen.add(secret.fingerprint);
      hits.push({ ruleId: SECRET_IN_HISTORY_RULE, key: ['history', secret.fingerprint], title: `Secret (${secret.ruleId}) in build history entry ${index}`, evidence: { path: null, layerDigest, details: secretDetails(`history[${index}]`, secret, {}) } });
    }
    for (const { name, value } of buildArgsOf(createdBy)) {
      if (credentialArgs.has(name) || !isCredentialName(name) || isDummyValue(value) || input.findSecrets(`${name}=${value}`).length > 0) continue;
      credentialArgs.add(name);
      hits.push(credentialHit(['build-arg', name], 'Build argument', name, value, layerDigest, `history[${index}]`));
    }
  }
  return hits;
}
