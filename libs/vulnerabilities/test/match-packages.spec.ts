import { type Advisory } from '@dhi/advisories';
import { type OsIdentity } from '@dhi/sbom';
import { indexCandidates, lookupIn, matchPackages, vulnerabilityFinding } from '../src/index.js';
import { DEBIAN_11, DEBIAN_12, candidatesOf, corpusAdvisories, pkg } from './support.js';

const LODASH = 'osv/npm/GHSA-35jh-r3h4-6jhm.json';
const X_NET = 'osv/go/GO-2024-2687.json';

function match(advisories: readonly Advisory[], packages: Parameters<typeof matchPackages>[0], os: OsIdentity | null = DEBIAN_12) {
  return matchPackages(packages, os, lookupIn(indexCandidates(candidatesOf(advisories))));
}

describe('matchPackages on real advisories', () => {
  const lodash = corpusAdvisories(LODASH);

  it('finds an npm package below the fix, with its fixed version, CVE and CVSS severity', () => {
    const { matches } = match(lodash, [pkg({ name: 'lodash', version: '4.17.20', ecosystem: 'npm' })]);
    expect(matches).toHaveLength(1);
    const finding = vulnerabilityFinding(matches[0]!, { confidence: 0.8 });
    expect(finding).toMatchObject({
      ruleId: 'vulnerability.npm',
      category: 'vulnerability',
      title: expect.stringMatching(/^CVE-2021-23337 in lodash 4\.17\.20/),
      severity: 'high',
      evidence: {
        layerDigest: `sha256:${'b'.repeat(64)}`,
        path: '/app/node_modules/lodash/package.json',
        package: 'lodash',
        installedVersion: '4.17.20',
        fixedVersion: '4.17.21',
        advisoryIds: ['CVE-2021-23337', 'GHSA-35jh-r3h4-6jhm'],
      },
      remediation: 'Upgrade lodash to 4.17.21 or later.',
      patch: null,
    });
    expect(finding.id).toMatch(/^vuln-[0-9a-f]{24}$/);
  });

  it('has no finding at exactly the fixed version, nor above it', () => {
    expect(match(lodash, [pkg({ name: 'lodash', version: '4.17.21', ecosystem: 'npm' })]).matches).toEqual([]);
    expect(match(lodash, [pkg({ name: 'lodash', version: '4.17.22', ecosystem: 'npm' })]).matches).toEqual([]);
  });

  it('does not match a package of another ecosystem with the same name', () => {
    expect(match(lodash, [pkg({ name: 'lodash', version: '4.17.20', ecosystem: 'pypi' })]).matches).toEqual([]);
    expect(match(lodash, [pkg({ name: 'lodash', version: '4.17.20', ecosystem: 'deb' })]).matches).toEqual([]);
  });

  it('never matches a withdrawn record', () => {
    const [withdrawn] = corpusAdvisories('osv/go/GO-2022-0617.json');
    expect(withdrawn?.withdrawn).toBeDefined();
    const affected = withdrawn!.affected[0]!;
    const version = affected.ranges.flatMap((r) => r.events).find((e) => e.kind === 'fixed')?.version ?? '0.0.1';
    expect(match([withdrawn!], [pkg({ name: affected.name, version: `${version}-0`, ecosystem: 'golang' })]).matches).toEqual([]);
    expect(match([{ ...withdrawn!, withdrawn: undefined }], [pkg({ name: affected.name, version: `v${version}-0`, ecosystem: 'golang' })]).matches).toHaveLength(1);
  });

  it('ignores GIT-only ranges', () => {
    const gitOnly: Advisory = {
      ...lodash[0]!,
      id: 'OSV-GIT-ONLY',
      aliases: [],
      affected: [{ ecosystem: 'npm', name: 'lodash', ranges: [{ type: 'GIT', repo: 'https://git.example/lodash', events: [{ kind: 'introduced', version: '0' }, { kind: 'fixed', version: 'abc123' }] }] }],
    };
    expect(match([gitOnly], [pkg({ name: 'lodash', version: '4.17.20', ecosystem: 'npm' })]).matches).toEqual([]);
  });

  it('matches a Go module and the standard library by the Go ecosystem', () => {
    const xnet = corpusAdvisories(X_NET);
    const binary = { locations: ['/usr/local/bin/app'] };
    const { matches } = match(xnet, [pkg({ name: 'golang.org/x/net', version: 'v0.22.0', ecosystem: 'golang', ...binary }), pkg({ name: 'golang.org/x/net', version: 'v0.23.0', ecosystem: 'golang', ...binary })]);
    expect(matches.map((m) => [m.package.version, m.primaryId, m.fixed])).toEqual([['v0.22.0', 'CVE-2023-45288', '0.23.0']]);
    expect(vulnerabilityFinding(matches[0]!, { confidence: 1 }).remediation).toBe('Upgrade golang.org/x/net to v0.23.0 or later in the go.mod of /usr/local/bin/app and rebuild it.');
    const stdlib = (version: string) => pkg({ name: 'stdlib', version, ecosystem: 'golang', ...binary });
    const std = match(xnet, [stdlib('1.22.1'), stdlib('1.22.2'), stdlib('1.21.8')]).matches;
    expect(std.map((m) => [m.package.version, m.fixed])).toEqual([['1.22.1', '1.22.2'], ['1.21.8', '1.21.9']]);
    expect(vulnerabilityFinding(std[0]!, { confidence: 1 }).remediation).toBe('Rebuild /usr/local/bin/app with Go 1.22.2 or later.');
  });
});

describe('matchPackages for Debian packages', () => {
  const dsa = corpusAdvisories('debian/DSA/list');
  const libssl = (version: string, sourceVersion = version) =>
    pkg({ name: 'libssl1.1', version, ecosystem: 'deb', source: { name: 'openssl', version: sourceVersion }, locations: ['/var/lib/dpkg/status'] });

  it('matches a binary package through its source package and release, as one finding per advisory', () => {
    const { matches } = match(dsa, [libssl('1.1.1n-0+deb11u3')], DEBIAN_11);
    const dsa5343 = matches.find((m) => m.advisories.some((a) => a.id === 'DSA-5343-1'));
    expect(dsa5343).toMatchObject({ primaryId: 'DSA-5343-1', fixed: '1.1.1n-0+deb11u4' });
    expect(dsa5343!.advisoryIds).toEqual(expect.arrayContaining(['CVE-2023-0286', 'CVE-2022-4450']));
    const finding = vulnerabilityFinding(dsa5343!, { confidence: 0.8 });
    expect(finding.remediation).toBe('Upgrade libssl1.1 (from source package openssl) to 1.1.1n-0+deb11u4 or later, or rebuild on a base image that has it.');
    expect(finding.patch).toContain('--only-upgrade libssl1.1');
    // unrated by the Debian list and nothing related known: shown as medium, not hidden
    expect(finding.severity).toBe('medium');
  });

  it('has no finding at the fixed version, for another release, or without a known release', () => {
    expect(match(dsa, [libssl('1.1.1n-0+deb11u4')], DEBIAN_11).matches.filter((m) => m.primaryId === 'DSA-5343-1')).toEqual([]);
    expect(match(dsa, [libssl('1.1.1n-0+deb11u3')], DEBIAN_12).matches).toEqual([]);
    expect(match(dsa, [libssl('1.1.1n-0+deb11u3')], null).matches).toEqual([]);
  });

  it('takes the severity of a related record when the matched one has none', () => {
    const { matches } = match(dsa, [libssl('1.1.1n-0+deb11u3')], DEBIAN_11);
    const dsa5343 = matches.find((m) => m.primaryId === 'DSA-5343-1')!;
    const finding = vulnerabilityFinding(dsa5343, {
      confidence: 0.8,
      relatedSeverity: (ids) => (ids.includes('CVE-2023-0286') ? [{ rating: 'high', ratingSource: 'cvss_v3' }] : []),
    });
    expect(finding.severity).toBe('high');
  });

  it('keeps the same fingerprint for the same vulnerability in the next build, whatever the version and layer', () => {
    const first = match(dsa, [libssl('1.1.1n-0+deb11u1')], DEBIAN_11).matches.find((m) => m.primaryId === 'DSA-5343-1')!;
    const next = match(dsa, [{ ...libssl('1.1.1n-0+deb11u3'), layerDigest: `sha256:${'c'.repeat(64)}` }], DEBIAN_11).matches.find((m) => m.primaryId === 'DSA-5343-1')!;
    expect(vulnerabilityFinding(first, { confidence: 1 }).id).toBe(vulnerabilityFinding(next, { confidence: 1 }).id);
  });
});
