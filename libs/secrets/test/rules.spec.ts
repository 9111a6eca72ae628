import { CONTENT_FORMATS, FILE_NAME_RULES, MAX_MATCH_CHARS, PRIVATE_KEY_RULE_IDS, redactSecret, scanText, SECRET_RULES, secretFingerprint } from '../src/index.js';
import { FAKE_SECRETS } from './support/fake-secrets.js';
import { randomSource } from './support/random-text.js';

/** Quantifiers with no upper bound (`*`, `+`, `{n,}`) outside escapes and character classes. */
function unboundedQuantifiers(source: string): string[] {
  const bare = source.replace(/\\./g, 'x').replace(/\[[^\]]*\]/g, 'x');
  return bare.match(/[*+]|\{\d+,\}/g) ?? [];
}

/** The upper bound of a pattern's match length, summing every bounded quantifier's maximum (an overestimate). */
function roughMaxLength(source: string): number {
  return [...source.matchAll(/\{(?:\d+,)?(\d+)\}/g)].reduce((sum, m) => sum + Number(m[1]), 0) + source.length;
}

describe('SECRET_RULES', () => {
  it('has at least 60 content formats and a file-name rule per credential file of the issue', () => {
    expect(CONTENT_FORMATS.length).toBeGreaterThanOrEqual(60);
    const fileRules = FILE_NAME_RULES.map((rule) => rule.id);
    expect(fileRules).toEqual(expect.arrayContaining(['secret.file-dotenv', 'secret.file-id-rsa', 'secret.file-id-ed25519', 'secret.file-npmrc', 'secret.file-pypirc']));
    expect(fileRules).toEqual(expect.arrayContaining(['secret.file-git-credentials', 'secret.file-netrc', 'secret.file-pem-key', 'secret.file-pkcs12', 'secret.file-cloud-credentials']));
  });

  it('has unique secret.<format> ids, category secret, CIS/Dockle references and a rationale and remediation each', () => {
    const ids = SECRET_RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of SECRET_RULES) {
      expect(rule.id).toMatch(/^secret\.[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(rule).toMatchObject({ category: 'secret', references: { dockle: 'CIS-DI-0010', cis: '4.10' } });
      expect(rule.rationale).toMatch(/extract/);
      expect(rule.remediation).toMatch(/rotate/i);
      expect(rule.remediation).toMatch(/build secret/);
    }
  });

  it('grades private keys critical, generic and file-name rules medium, and says chmod is not enough for keys', () => {
    const byId = new Map(SECRET_RULES.map((rule) => [rule.id, rule]));
    for (const id of PRIVATE_KEY_RULE_IDS) {
      expect(byId.get(id)?.severity).toBe('critical');
      expect(byId.get(id)?.remediation).toContain('chmod 600');
    }
    expect(byId.get('secret.generic-keyword-assignment')?.severity).toBe('medium');
    for (const rule of FILE_NAME_RULES) expect(byId.get(rule.id)?.severity).toBe('medium');
    expect(byId.get('secret.aws-access-key-id')?.severity).toBe('critical');
    expect(byId.get('secret.stripe-live-secret-key')?.severity).toBe('critical');
    expect(byId.get('secret.github-pat')?.severity).toBe('high');
  });

  it('uses lower-case keywords and bounded patterns shorter than the scanner window, with global and indices flags', () => {
    for (const format of CONTENT_FORMATS) {
      expect(format.keywords.length).toBeGreaterThan(0);
      for (const keyword of format.keywords) expect(keyword).toBe(keyword.toLowerCase());
      expect({ id: format.id, unbounded: unboundedQuantifiers(format.pattern.source) }).toEqual({ id: format.id, unbounded: [] });
      expect(roughMaxLength(format.pattern.source)).toBeLessThan(MAX_MATCH_CHARS);
      expect(format.pattern.flags).toMatch(/^dgi?$/);
    }
  });

  it('has a fake-secret generator for every content format, and none for a format that does not exist', () => {
    expect(Object.keys(FAKE_SECRETS).sort()).toEqual(CONTENT_FORMATS.map((format) => format.id).sort());
  });
});

describe.each(CONTENT_FORMATS.map((format) => [format.id, format] as const))('%s', (id, format) => {
  const fake = FAKE_SECRETS[id](randomSource(id));

  it('finds a realistic fake as the only secret of its line, redacted and fingerprinted', () => {
    const matches = scanText(fake.text);
    expect(matches.map((match) => match.ruleId)).toEqual([id]);
    expect(matches[0]).toMatchObject({ fingerprint: secretFingerprint(fake.secret), redacted: redactSecret(fake.secret) });
    expect(matches[0].redacted).not.toContain(fake.secret.slice(0, 8));
    // a key block is reported at its BEGIN line, anything else where the secret starts
    const offset = format.reportAtMatch ? 0 : fake.text.indexOf(fake.secret);
    const before = fake.text.slice(0, offset);
    expect(matches[0]).toMatchObject({ offset, line: before.split('\n').length, column: offset - before.lastIndexOf('\n') });
  });

  it('keeps one of its keywords inside the match (the pre-filter relies on it)', () => {
    format.pattern.lastIndex = 0;
    const match = format.pattern.exec(fake.text);
    expect(match).not.toBeNull();
    expect(format.keywords.some((keyword) => match?.[0].toLowerCase().includes(keyword))).toBe(true);
  });

  it('does not find look-alikes: documented examples, placeholders, a glued prefix, half a secret', () => {
    const lookAlikes = [...(fake.negatives ?? [])];
    // a self-identifying token (pattern `(?<![…])(?<secret>…`) glued to a letter is part of another word
    if (/^\(\?<!\[[^\]]*\]\)\(\?<secret>/.test(format.pattern.source)) lookAlikes.push(fake.text.replace(fake.secret, `q${fake.secret}`));
    if (!fake.halfStillMatches) lookAlikes.push(fake.text.replace(fake.secret, fake.secret.slice(0, Math.ceil(fake.secret.length / 2))));
    for (const text of lookAlikes) expect({ text, found: scanText(text).filter((match) => match.ruleId === id) }).toEqual({ text, found: [] });
  });
});
