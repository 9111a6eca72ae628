import { isAffected, matchRecord, type OsvAffected, type OsvRecordLike } from '../src/index.js';
import { readOsvRecord } from './support/corpora.js';

type Row = [version: string, affected: boolean, fixed?: string];

function expectRows(ecosystem: string, name: string, record: OsvRecordLike, rows: Row[]): void {
  for (const [version, affected, fixed] of rows) {
    const result = matchRecord(record, { ecosystem, name, version });
    expect({ version, affected: result.affected, fixed: result.fixed }).toEqual({ version, affected, fixed });
  }
}

describe('Go vulnerability database records', () => {
  it('GO-2022-1144: stdlib <1.18.9 and [1.19.0-0, 1.19.4), golang.org/x/net <0.4.0', () => {
    const record = readOsvRecord<OsvRecordLike>('go', 'GO-2022-1144.json');
    expectRows('Go', 'stdlib', record, [
      ['1.18.8', true, '1.18.9'], ['go1.18.2', true, '1.18.9'], ['1.18.9', false], ['1.18.10', false],
      ['1.19.0-0', true, '1.19.4'], ['go1.19rc2', true, '1.19.4'], ['1.19.0', true, '1.19.4'], ['1.19.3', true, '1.19.4'],
      ['1.19.4', false], ['go1.20', false],
    ]);
    expectRows('Go', 'golang.org/x/net', record, [['0.3.0', true, '0.4.0'], ['v0.4.0', false], ['v0.0.0-20220101000000-abcdefabcdef', true, '0.4.0']]);
  });

  it('GO-2022-0969: fixed at a pseudo-version of golang.org/x/net', () => {
    const record = readOsvRecord<OsvRecordLike>('go', 'GO-2022-0969.json');
    expectRows('Go', 'golang.org/x/net', record, [
      ['v0.0.0-20220826154423-83b083e8dc8b', true, '0.0.0-20220906165146-f3363e06e74c'],
      ['v0.0.0-20220906165146-f3363e06e74c', false],
      ['v0.0.0-20221004154528-8021a29435af', false],
      ['v0.1.0', false],
    ]);
  });

  it('GO-2023-2102: stdlib <1.20.10 and [1.21.0-0, 1.21.3)', () => {
    const record = readOsvRecord<OsvRecordLike>('go', 'GO-2023-2102.json');
    expectRows('Go', 'stdlib', record, [['1.20.9', true, '1.20.10'], ['1.20.10', false], ['1.21.0', true, '1.21.3'], ['1.21.3', false]]);
  });

  it('GO-2020-0015: golang.org/x/text <0.3.3; other modules and ecosystems never match', () => {
    const record = readOsvRecord<OsvRecordLike>('go', 'GO-2020-0015.json');
    expectRows('Go', 'golang.org/x/text', record, [['v0.3.2', true, '0.3.3'], ['v0.3.3', false], ['v0.3.8', false]]);
    expect(matchRecord(record, { ecosystem: 'Go', name: 'golang.org/x/net', version: '0.1.0' }).affected).toBe(false);
    expect(matchRecord(record, { ecosystem: 'npm', name: 'golang.org/x/text', version: '0.1.0' }).affected).toBe(false);
  });

  it('a withdrawn record (GO-2022-0617) never matches, although its range covers every version', () => {
    const record = readOsvRecord<OsvRecordLike & { affected: OsvAffected[] }>('go', 'GO-2022-0617.json');
    expect(record.withdrawn).toBeTruthy();
    const name = record.affected[0]!.package!.name;
    expect(isAffected('Go', '1.0.0', record.affected[0]!).affected).toBe(true);
    expect(matchRecord(record, { ecosystem: 'Go', name, version: '1.0.0' })).toEqual({ affected: false, errors: [] });
  });
});

describe('PyPA records (YAML)', () => {
  it('PYSEC-2023-74: requests [2.3.0, 2.31.0)', () => {
    const record = readOsvRecord<OsvRecordLike>('pypi', 'vulns', 'requests', 'PYSEC-2023-74.yaml');
    expectRows('PyPI', 'requests', record, [['2.2.1', false], ['2.3.0', true, '2.31.0'], ['2.30.0', true, '2.31.0'], ['2.31.0', false]]);
    expect(matchRecord(record, { ecosystem: 'npm', name: 'requests', version: '2.30.0' }).affected).toBe(false);
  });

  it('PYSEC-2020-176: pyyaml [5.1, 5.2b1), found under its registry spelling PyYAML', () => {
    const record = readOsvRecord<OsvRecordLike>('pypi', 'vulns', 'pyyaml', 'PYSEC-2020-176.yaml');
    expectRows('PyPI', 'PyYAML', record, [['5.1', true, '5.2b1'], ['5.1.2', true, '5.2b1'], ['5.2b1', false], ['5.2', false], ['5.0', false]]);
  });

  it('PYSEC-2022-42969: last_affected is inclusive and gives no fixed version', () => {
    const record = readOsvRecord<OsvRecordLike>('pypi', 'vulns', 'py', 'PYSEC-2022-42969.yaml');
    const at = matchRecord(record, { ecosystem: 'PyPI', name: 'py', version: '1.11.0' });
    expect(at).toMatchObject({ affected: true, lastAffected: '1.11.0' });
    expect(at.fixed).toBeUndefined();
    expect(matchRecord(record, { ecosystem: 'PyPI', name: 'py', version: '1.11.1' }).affected).toBe(false);
  });

  it('an entry with only a GIT range and no versions list affects nothing', () => {
    const record = readOsvRecord<{ affected: OsvAffected[] }>('pypi', 'vulns', 'requests', 'PYSEC-2023-74.yaml');
    const entry = record.affected[0]!;
    const gitOnly: OsvAffected = { ...entry, ranges: (entry.ranges ?? []).filter((r) => r.type === 'GIT'), versions: [] };
    expect(gitOnly.ranges!.length).toBeGreaterThan(0);
    expect(isAffected('PyPI', '2.30.0', gitOnly)).toEqual({ affected: false, errors: [] });
  });

  it('a versions list matches by text even when the installed version is not PEP 440', () => {
    const entry: OsvAffected = { ranges: [], versions: ['0.3m1', '1.0'] };
    expect(isAffected('PyPI', '0.3m1', entry)).toMatchObject({ affected: true, matchedBy: 'versions' });
    expect(isAffected('PyPI', '0.3m2', entry).affected).toBe(false);
    expect(isAffected('PyPI', '0.3m2', entry).errors[0]?.code).toBe('invalid_version');
    expect(isAffected('PyPI', '1.0.0', entry)).toMatchObject({ affected: true, matchedBy: 'versions' });
  });
});
