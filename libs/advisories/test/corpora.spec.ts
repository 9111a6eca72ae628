import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { type Advisory, type AdvisoryRecordResult, readDebianAdvisoryList, readOsvSource, readOsvTar, readOsvZip } from '../src/index.js';
import { collect, tarOf, zipOf } from './support/archives.js';
import { corporaDir } from './support/corpora.js';

const osv = (eco: string): string => join(corporaDir(), 'osv', eco);
const byId = new Map<string, Advisory>();
const results = new Map<string, AdvisoryRecordResult[]>();

beforeAll(async () => {
  for (const eco of ['go', 'pypi', 'maven', 'npm']) {
    const read = await collect(readOsvSource(osv(eco)));
    results.set(eco, read);
    for (const r of read) if (r.ok) byId.set(r.advisory.id, r.advisory);
  }
}, 120_000);

const lastEvents = (a: Advisory) => a.affected.map((p) => [p.name, ...p.ranges.flatMap((r) => r.events.map((e) => `${e.kind}:${e.version}`))]);

describe('OSV corpora', () => {
  it.each([
    ['go', 4291, 17],
    ['pypi', 2661, 10],
    ['maven', 365, 0],
    ['npm', 43, 0],
  ])('%s: every one of %i records parses (%i withdrawn)', (eco, count, withdrawn) => {
    const read = results.get(eco) ?? [];
    expect(read.filter((r) => !r.ok)).toEqual([]);
    expect(read).toHaveLength(count);
    expect(read.filter((r) => r.ok && r.advisory.withdrawn).length).toBe(withdrawn);
  });

  it('GO-2022-1144: stdlib <1.18.9 and [1.19.0-0, 1.19.4), golang.org/x/net <0.4.0', () => {
    const advisory = byId.get('GO-2022-1144') as Advisory;
    expect(advisory.aliases).toEqual(['CVE-2022-41717', 'GHSA-xrjj-mj9h-534m']);
    expect(advisory.affected.map((a) => [a.ecosystem, a.ranges.map((r) => r.type)])).toEqual([['Go', ['SEMVER']], ['Go', ['SEMVER']]]);
    expect(lastEvents(advisory)).toEqual([
      ['stdlib', 'introduced:0', 'fixed:1.18.9', 'introduced:1.19.0-0', 'fixed:1.19.4'],
      ['golang.org/x/net', 'introduced:0', 'fixed:0.4.0'],
    ]);
    expect(lastEvents(byId.get('GO-2022-0969') as Advisory)[1]).toEqual(['golang.org/x/net', 'introduced:0', 'fixed:0.0.0-20220906165146-f3363e06e74c']);
  });

  it('Log4Shell GHSA-jfh8-c2jp-5v3q: CVSS 10.0 critical and three log4j-core ranges', () => {
    const advisory = byId.get('GHSA-jfh8-c2jp-5v3q') as Advisory;
    expect(advisory.aliases).toContain('CVE-2021-44228');
    expect(advisory.severity).toMatchObject({ rating: 'critical', ratingSource: 'cvss_v3', cvssV3: { score: 10, version: '3.1' }, databaseSpecific: { value: 'CRITICAL' } });
    expect(lastEvents(advisory)).toEqual([
      ['org.apache.logging.log4j:log4j-core', 'introduced:2.13.0', 'fixed:2.15.0'],
      ['org.apache.logging.log4j:log4j-core', 'introduced:0', 'fixed:2.3.1'],
      ['org.apache.logging.log4j:log4j-core', 'introduced:2.4', 'fixed:2.12.2'],
    ]);
  });

  it('PyPI YAML keeps versions as written and GIT ranges raw', () => {
    const requests = byId.get('PYSEC-2023-74') as Advisory;
    const pypi = requests.affected.find((a) => a.ecosystem === 'PyPI');
    expect(pypi?.ranges.find((r) => r.type === 'ECOSYSTEM')?.events).toEqual([
      { kind: 'introduced', version: '2.3.0' },
      { kind: 'fixed', version: '2.31.0' },
    ]);
    expect(pypi?.versions).toContain('2.30.0');
    expect(pypi?.ranges.some((r) => r.type === 'GIT' && r.repo)).toBe(true);
    expect(lastEvents(byId.get('PYSEC-2020-176') as Advisory)[0]).toEqual(expect.arrayContaining(['introduced:5.1', 'fixed:5.2b1']));
  });

  it('npm and Maven bundles: v4 vectors scored, GHSA words as fallback, bundle records named', () => {
    expect(byId.get('GHSA-qwcr-r2fm-qrc7')?.severity).toMatchObject({ ratingSource: 'cvss_v4', cvssV4: { score: 8.7 }, cvssV3: { score: 7.5 } });
    expect(byId.get('GHSA-x5rq-j2xg-h7qm')?.severity).toMatchObject({ rating: 'medium', ratingSource: 'database_specific' });
    const trim = byId.get('GHSA-29mw-wpgm-hmr9')?.affected.find((a) => a.name === 'lodash.trim');
    expect(trim?.ranges[0].events.map((e) => e.kind)).toEqual(['introduced', 'last_affected']);
    const bundled = (results.get('maven') ?? []).find((r) => r.ok && r.advisory.id === 'GHSA-vmfg-rjjm-rjrj');
    expect(bundled?.source).toBe('zeppelin-server.vulnerabilities.json#GHSA-vmfg-rjjm-rjrj');
    expect(byId.get('GHSA-vmfg-rjjm-rjrj')?.affected[0].versions).toHaveLength(65);
  });
});

describe('OSV corpora as archives', () => {
  const records = (r: AdvisoryRecordResult[]) => r.map((x) => (x.ok ? JSON.stringify(x.advisory) : x.source));

  it('the Go corpus as an osv.dev-style zip (flat <ID>.json entries) gives the same records as the directory', async () => {
    const files = readdirSync(osv('go')).sort();
    const zip = zipOf(files.map((name) => ({ name, data: readFileSync(join(osv('go'), name)) })));
    expect(records(await collect(readOsvZip(zip)))).toEqual(records(results.get('go') ?? []));
  });

  it('the npm corpus as a tar.gz gives the same records as the directory', async () => {
    const files = readdirSync(osv('npm')).filter((name) => name.endsWith('.json')).sort();
    const archive = await tarOf(files.map((name) => ({ name: `npm/${name}`, data: readFileSync(join(osv('npm'), name)) })), true);
    expect(records(await collect(readOsvTar(Readable.from([archive]))))).toEqual(records(results.get('npm') ?? []));
  });
});

describe('Debian security tracker lists', () => {
  it.each([
    ['DSA', 5406],
    ['DLA', 3534],
  ])('%s/list: all %i advisories parse', async (list, count) => {
    const read = await collect(readDebianAdvisoryList(join(corporaDir(), 'debian', list, 'list')));
    expect(read.filter((r) => !r.ok)).toEqual([]);
    expect(read).toHaveLength(count);
    expect(new Set(read.map((r) => r.ok && r.advisory.id)).size).toBe(count);
  });

  it('known answers: DSA-5343-1, DSA-5169-1 and DSA-3887-1', async () => {
    const read = await collect(readDebianAdvisoryList(join(corporaDir(), 'debian', 'DSA', 'list')));
    const fixes = (id: string) => {
      const found = read.find((r) => r.ok && r.advisory.id === id);
      return found?.ok ? found.advisory.affected.map((a) => [a.ecosystem, a.name, a.ranges[0].events.at(-1)?.version]) : undefined;
    };
    expect(fixes('DSA-5343-1')).toEqual([['Debian:11', 'openssl', '1.1.1n-0+deb11u4']]);
    expect(fixes('DSA-5169-1')).toEqual([
      ['Debian:10', 'openssl', '1.1.1n-0+deb10u3'],
      ['Debian:11', 'openssl', '1.1.1n-0+deb11u3'],
    ]);
    expect(fixes('DSA-3887-1')).toEqual([
      ['Debian:8', 'glibc', '2.19-18+deb8u10'],
      ['Debian:9', 'glibc', '2.24-11+deb9u1'],
    ]);
  });
});
