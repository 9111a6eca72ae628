import { isAdvisoryError } from '../advisory-error.js';
import { normaliseOsvRecord } from './normalise-osv.js';

const base = { id: 'TEST-2024-0001', modified: '2024-05-01T10:00:00Z' };

function rejection(input: unknown): string {
  try {
    normaliseOsvRecord(input);
  } catch (error) {
    expect(isAdvisoryError(error, 'invalid_record')).toBe(true);
    return (error as Error).message;
  }
  throw new Error('expected a rejection');
}

describe('normaliseOsvRecord', () => {
  it('keeps ranges raw as ordered events, with versions, purl and aliases', () => {
    const advisory = normaliseOsvRecord({
      ...base,
      aliases: ['CVE-2024-1'],
      summary: '  Title  ',
      details: '\n  Body text.\n\n',
      affected: [
        {
          package: { ecosystem: 'PyPI', name: 'demo', purl: 'pkg:pypi/demo' },
          ranges: [
            { type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '1.2' }, { introduced: '2.0' }, { last_affected: '2.1' }] },
            { type: 'GIT', repo: 'https://example.org/demo.git', events: [{ introduced: 'abc' }, { limit: 'def' }] },
          ],
          versions: ['1.0', '1.1'],
        },
      ],
      references: [{ type: 'WEB', url: 'https://example.org' }],
    });
    expect(advisory).toMatchObject({ id: 'TEST-2024-0001', aliases: ['CVE-2024-1'], summary: 'Title', details: 'Body text.' });
    expect(advisory.affected).toEqual([
      {
        ecosystem: 'PyPI',
        name: 'demo',
        purl: 'pkg:pypi/demo',
        versions: ['1.0', '1.1'],
        ranges: [
          {
            type: 'ECOSYSTEM',
            events: [
              { kind: 'introduced', version: '0' },
              { kind: 'fixed', version: '1.2' },
              { kind: 'introduced', version: '2.0' },
              { kind: 'last_affected', version: '2.1' },
            ],
          },
          { type: 'GIT', repo: 'https://example.org/demo.git', events: [{ kind: 'introduced', version: 'abc' }, { kind: 'limit', version: 'def' }] },
        ],
      },
    ]);
  });

  it('prefers CVSS v4 over v3 and falls back to the GHSA severity word', () => {
    const both = normaliseOsvRecord({
      ...base,
      severity: [
        { type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' },
        { type: 'CVSS_V4', score: 'CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N' },
      ],
    });
    expect(both.severity).toMatchObject({ rating: 'high', ratingSource: 'cvss_v4', cvssV3: { score: 9.8 }, cvssV4: { score: 8.5 } });
    const word = normaliseOsvRecord({ ...base, database_specific: { severity: 'MODERATE' } });
    expect(word.severity).toEqual({ databaseSpecific: { value: 'MODERATE', rating: 'medium' }, rating: 'medium', ratingSource: 'database_specific' });
    expect(normaliseOsvRecord(base).severity).toEqual({});
  });

  it('turns a bad vector into a warning and keeps the record', () => {
    const warnings: string[] = [];
    const advisory = normaliseOsvRecord({ ...base, severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N' }], database_specific: { severity: 'HIGH' } }, warnings);
    expect(advisory.severity.rating).toBe('high');
    expect(warnings).toEqual([expect.stringContaining('invalid CVSS v3 vector')]);
  });

  it('uses per-package severity when the record has none', () => {
    const advisory = normaliseOsvRecord({
      ...base,
      affected: [{ package: { ecosystem: 'npm', name: 'x' }, severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H' }] }],
    });
    expect(advisory.severity).toMatchObject({ rating: 'critical', cvssV3: { score: 10 } });
  });

  it('keeps withdrawn and tolerates null arrays; drops package-less entries and unknown range types with warnings', () => {
    const warnings: string[] = [];
    const advisory = normaliseOsvRecord(
      {
        ...base,
        withdrawn: '2024-06-01T00:00:00Z',
        aliases: null,
        affected: [
          { ranges: [{ type: 'GIT', repo: 'r', events: [{ introduced: '0' }] }] },
          { package: { ecosystem: 'Go', name: 'm' }, ranges: [{ type: 'BOGUS', events: [{ introduced: '0' }] }] },
        ],
      },
      warnings,
    );
    expect(advisory.withdrawn).toBe('2024-06-01T00:00:00Z');
    expect(advisory.aliases).toEqual([]);
    expect(advisory.affected).toEqual([{ ecosystem: 'Go', name: 'm', ranges: [] }]);
    expect(warnings).toHaveLength(2);
  });

  it('rejects records that are not OSV, saying where', () => {
    expect(rejection({ modified: base.modified })).toContain('id');
    expect(rejection({ ...base, modified: 'yesterday' })).toContain('modified: not an RFC 3339 time');
    expect(rejection({ ...base, affected: [{ package: { ecosystem: 'npm', name: 'x' }, ranges: [{ type: 'SEMVER', events: [] }] }] })).toContain(
      'affected.0.ranges.0.events',
    );
    expect(rejection({ ...base, affected: [{ package: { ecosystem: 'npm', name: 'x' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0', fixed: '1' }] }] }] })).toContain(
      'exactly one of',
    );
    expect(rejection('text')).toContain('not a valid OSV record');
  });
});
