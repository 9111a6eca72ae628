import { type ProfilePackage } from '@dhi/profile';
import { detectAnomalies } from '../src/index.js';
import { addPackage, approvedBaseline, benignBuild } from './support/lineage.js';

const SITE = '/usr/local/lib/python3.12/site-packages';
const pypi = (name: string, version: string): ProfilePackage => ({
  name,
  version,
  ecosystem: 'pypi',
  source: null,
  location: `${SITE}/${name}-${version}.dist-info/METADATA`,
});
const jar = (name: string, version: string): ProfilePackage => ({ name: `org.example:${name}`, version, ecosystem: 'maven', source: null, location: `/app/lib/${name}-${version}.jar` });

describe('package identity across versions whose path names the version', () => {
  function lineageWith(pkg: (v: string) => ProfilePackage, old: string, next: string) {
    const baseline = approvedBaseline(8);
    for (const member of baseline) addPackage(member, pkg(old));
    const build = benignBuild(100);
    addPackage(build, pkg(next));
    return detectAnomalies({ profile: build, baseline, model: null }).anomalies;
  }

  it('treats a PyPI upgrade as the same package: no package added or removed', () => {
    const anomalies = lineageWith((v) => pypi('requests', v), '2.31.0', '2.31.1');
    expect(anomalies.filter((a) => a.kind === 'package_added' || a.kind === 'package_removed')).toEqual([]);
  });

  it('sees a PyPI and a Java archive downgrade as downgrades', () => {
    expect(lineageWith((v) => pypi('requests', v), '2.31.0', '2.25.0').map((a) => a.kind)).toContain('package_downgraded');
    expect(lineageWith((v) => jar('core', v), '2.4.0', '2.3.9').map((a) => a.kind)).toContain('package_downgraded');
  });
});
