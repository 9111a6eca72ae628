import { type AdvisoryRecordResult } from '../sources/record-result.js';
import { parseDebianAdvisoryList } from './parse-debian-list.js';

// Lines in the tracker's own layout (tabs and spaces as in data/DSA/list).
const LIST = [
  '[13 Jun 2017] DSA-3887-1 glibc - security update',
  '\t{CVE-2017-1000366}',
  '\t[jessie] - glibc 2.19-18+deb8u10',
  '\t[stretch] - glibc 2.24-11+deb9u1',
  '[07 Jul 2011] DSA-2275-1 openoffice.org - buffer overflow',
  '\t{CVE-2011-2685}',
  '\t[squeeze] - openoffice.org 1:3.2.1-11+squeeze3',
  '\t[lenny] - openoffice.org <not-affected> (Vulnerable code not present)',
  '[25 Oct 2016] DSA-3699-1 virtualbox - end of life',
  '\t[jessie] - virtualbox <end-of-life>',
  '        NOTE: [etch] - clamav <end-of-life> (commentary is ignored)',
  '[01 Feb 2004] DSA-999-1 phpgroupware - several',
  '\t[woody] - phpgroupware <unfixed> (high)',
  '\t[hamm2] - phpgroupware 1.0',
  '\t[woody] - phpgroupware kernel-image-2.4.17-ia64',
  'not a header',
  '\t[woody] - orphan 1.0',
  '[18 Apr 2018] DSA-4205-1 jessie end-of-life',
].join('\n');

const ok = (results: AdvisoryRecordResult[], id: string) => {
  const found = results.find((r) => r.ok && r.advisory.id === id);
  if (!found?.ok) throw new Error(`${id} missing`);
  return found;
};

describe('parseDebianAdvisoryList', () => {
  const results = [...parseDebianAdvisoryList(LIST, 'DSA/list')];

  it('yields one advisory per header with CVE aliases and a fixed range per release', () => {
    const { advisory, source } = ok(results, 'DSA-3887-1');
    expect(source).toBe('DSA/list:1');
    expect(advisory).toMatchObject({ modified: '2017-06-13T00:00:00.000Z', published: '2017-06-13T00:00:00.000Z', summary: 'glibc: security update', aliases: ['CVE-2017-1000366'] });
    expect(advisory.affected).toEqual([
      {
        ecosystem: 'Debian:8',
        name: 'glibc',
        purl: 'pkg:deb/debian/glibc?arch=source',
        ranges: [{ type: 'ECOSYSTEM', events: [{ kind: 'introduced', version: '0' }, { kind: 'fixed', version: '2.19-18+deb8u10' }] }],
        databaseSpecific: { status: 'fixed' },
      },
      expect.objectContaining({ ecosystem: 'Debian:9', ranges: [{ type: 'ECOSYSTEM', events: [{ kind: 'introduced', version: '0' }, { kind: 'fixed', version: '2.24-11+deb9u1' }] }] }),
    ]);
  });

  it('keeps epochs, drops <not-affected>, and makes <unfixed>/<end-of-life> affect every version', () => {
    expect(ok(results, 'DSA-2275-1').advisory.affected.map((a) => [a.ecosystem, a.ranges[0].events.at(-1)?.version])).toEqual([['Debian:6', '1:3.2.1-11+squeeze3']]);
    expect(ok(results, 'DSA-3699-1').advisory.affected).toEqual([
      expect.objectContaining({ ecosystem: 'Debian:8', ranges: [{ type: 'ECOSYSTEM', events: [{ kind: 'introduced', version: '0' }] }], databaseSpecific: { status: 'end-of-life' } }),
    ]);
    const unfixed = ok(results, 'DSA-999-1');
    expect(unfixed.advisory.affected).toEqual([expect.objectContaining({ ecosystem: 'Debian:3.0', databaseSpecific: { status: 'unfixed', note: 'high' } })]);
    expect(unfixed.warnings).toEqual([
      expect.stringContaining('unknown Debian release "hamm2"'),
      expect.stringContaining('"kernel-image-2.4.17-ia64" is not a Debian version'),
    ]);
  });

  it('reports a malformed header with its line and skips its body; header-only notices still parse', () => {
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, source: 'DSA/list:16', error: { code: 'invalid_record', message: 'not an advisory header: "not a header"' } }]);
    expect(ok(results, 'DSA-4205-1').advisory).toMatchObject({ summary: 'jessie end-of-life', affected: [] });
    expect(results).toHaveLength(6);
  });
});
