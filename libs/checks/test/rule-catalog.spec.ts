import { Finding } from '@dhi/contracts';
import { CONFIG_RULES, findingOf, PERMISSION_RULES, RULE_FAMILIES, type Rule } from '../src/index.js';

describe('rule catalogs', () => {
  it.each([
    ['permission', PERMISSION_RULES],
    ['config', CONFIG_RULES],
  ] as const)('%s rules have unique ids of their family and its category', (family, rules: readonly Rule[]) => {
    expect(new Set(rules.map((rule) => rule.id)).size).toBe(rules.length);
    for (const rule of rules) {
      expect(rule.id).toMatch(new RegExp(`^${family}\\.[a-z0-9-]+$`));
      expect(rule.category).toBe(RULE_FAMILIES[family]);
      expect(rule.rationale.length).toBeGreaterThan(20);
      expect(rule.remediation.length).toBeGreaterThan(20);
    }
  });

  it('maps the CIS and Dockle references where they are equivalent', () => {
    const refs = Object.fromEntries([...PERMISSION_RULES, ...CONFIG_RULES].map((rule) => [rule.id, rule.references]));
    expect(refs['config.user-root']).toEqual({ cis: '4.1', dockle: 'CIS-DI-0001' });
    expect(refs['config.no-healthcheck']).toEqual({ cis: '4.6', dockle: 'CIS-DI-0006' });
    expect(refs['config.remote-add']).toEqual({ cis: '4.9', dockle: 'CIS-DI-0009' });
    expect(refs['permission.setuid']).toEqual({ cis: '4.8', dockle: 'CIS-DI-0008' });
    expect(refs['permission.empty-password']).toEqual({ dockle: 'DKL-LI-0001' });
  });

  it('turns a hit into a valid finding', () => {
    const rule = PERMISSION_RULES.find((candidate) => candidate.id === 'permission.setuid') as Rule;
    const finding = findingOf({ ruleId: rule.id, key: ['/usr/bin/passwd'], severity: 'low', title: 't', evidence: { path: '/usr/bin/passwd', details: { mode: '4755' } }, patch: 'RUN chmod u-s /usr/bin/passwd' }, rule, 0.5);
    expect(Finding.parse(finding)).toMatchObject({ severity: 'low', category: 'permission', remediation: rule.remediation });
  });
});
