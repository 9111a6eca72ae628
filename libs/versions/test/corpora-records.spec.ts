import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isAffected, isVersionError, parseVersion, type OsvAffected } from '../src/index.js';
import { corporaDir, readCorpusFile, readOsvRecord } from './support/corpora.js';

interface Entry extends OsvAffected {
  package: { ecosystem: string; name: string };
}
interface Rec {
  id: string;
  affected?: Entry[];
}

function* files(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) yield* files(join(dir, e.name));
    else yield join(dir, e.name);
  }
}

/**
 * The enumerated `versions` of an entry are the releases inside its ranges, so evaluating the ranges alone must
 * put each listed version inside. Returns the listed versions the ranges leave out, and the count checked.
 */
function rangeMisses(ecosystem: string, records: Rec[]): { checked: number; unordered: number; misses: string[] } {
  let checked = 0;
  let unordered = 0;
  const misses: string[] = [];
  for (const record of records) {
    for (const entry of record.affected ?? []) {
      if (entry.package.ecosystem !== ecosystem || !entry.versions) continue;
      if (!(entry.ranges ?? []).some((r) => r.type === 'ECOSYSTEM' || r.type === 'SEMVER')) continue;
      const rangesOnly: OsvAffected = { ranges: entry.ranges };
      for (const v of entry.versions) {
        const result = isAffected(ecosystem, v, rangesOnly);
        if (result.affected) checked++;
        else if (result.errors.length > 0) unordered++;
        else misses.push(`${record.id} ${v}`);
      }
    }
  }
  return { checked, unordered, misses };
}

describe('range evaluation against the enumerated versions lists of real records', () => {
  it('PyPA: every listed PEP 440 version is inside its ranges, except where the record contradicts itself', () => {
    const dir = join(corporaDir(), 'osv', 'pypi');
    const records = [...files(dir)].filter((f) => f.endsWith('.yaml')).map((f) => readOsvRecord<Rec>('pypi', relative(dir, f)));
    expect(records).toHaveLength(2661);
    const { checked, unordered, misses } = rangeMisses('PyPI', records);
    expect(checked).toBeGreaterThan(140_000);
    // Listed strings that PEP 440 cannot order (pep440-invalid.txt); they match by text only.
    expect(unordered).toBe(108);
    expect(misses.sort()).toEqual([
      // Pre-releases listed although the range starts at the final release (3.2a1 < 3.2 under PEP 440).
      'PYSEC-2023-61 3.2a1', 'PYSEC-2023-61 3.2b1', 'PYSEC-2023-61 3.2rc1',
      'PYSEC-2023-61 4.2a1', 'PYSEC-2023-61 4.2b1', 'PYSEC-2023-61 4.2rc1',
      // Listed although it is the `fixed` version itself, and a post-release of it.
      'PYSEC-2023-177 23.9.0', 'PYSEC-2023-177 23.9.0.post1',
      // One range mixing two interval sets ([2.11, 2.11.7) and [0, 2.11.6)): sorted, 2.11.6 is a fix.
      'PYSEC-2021-114 2.11.6',
    ].sort());
  });

  it('osv.dev Maven bundle: every listed version is inside its ranges, except milestones below `introduced`', () => {
    const records = ['zeppelin-server', 'maven-classifier'].flatMap(
      (name) => (JSON.parse(readCorpusFile('osv', 'maven', `${name}.vulnerabilities.json`)) as { vulns: Rec[] }).vulns,
    );
    const { checked, unordered, misses } = rangeMisses('Maven', records);
    expect(checked).toBeGreaterThan(29_000);
    expect(unordered).toBe(0);
    // tomcat-coyote lists 9.0.0.M1…M10 for a range introduced at 9.0.0-M11 (Maven itself orders M10 < M11).
    expect(misses.sort()).toEqual(['M1', 'M10', 'M3', 'M4', 'M6', 'M8', 'M9'].map((m) => `GHSA-f4qf-m5gf-8jm8 9.0.0.${m}`).sort());
  });
});

describe('every bound of the Go vulnerability database parses under Go rules', () => {
  it('4,291 records, no unparseable SEMVER bound', () => {
    const dir = join(corporaDir(), 'osv', 'go');
    const names = readdirSync(dir).filter((f) => f.endsWith('.json'));
    expect(names).toHaveLength(4291);
    const bad: string[] = [];
    let bounds = 0;
    for (const name of names) {
      for (const entry of readOsvRecord<Rec>('go', name).affected ?? []) {
        for (const range of entry.ranges ?? []) {
          for (const event of range.events) {
            for (const v of Object.values(event) as string[]) {
              bounds++;
              if (v !== '0' && isVersionError(parseVersion('Go', v))) bad.push(`${name} ${v}`);
            }
          }
        }
      }
    }
    expect(bad).toEqual([]);
    expect(bounds).toBeGreaterThan(10_000);
  });
});

describe('Alpine package versions from real images', () => {
  it.each(['alpine-310', 'alpine-311'])('%s: every installed version parses under apk rules', (image) => {
    const rows = readCorpusFile('images', `${image}.packages.tsv`).trim().split('\n').slice(1);
    expect(rows).toHaveLength(14);
    for (const row of rows) expect(isVersionError(parseVersion('Alpine', row.split('\t')[1]!))).toBe(false);
  });
});
