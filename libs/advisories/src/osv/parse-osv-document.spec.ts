import { isAdvisoryError } from '../advisory-error.js';
import { parseOsvDocument } from './parse-osv-document.js';

describe('parseOsvDocument', () => {
  it('keeps YAML versions that look like numbers as written', () => {
    const yaml = 'id: PYSEC-1\nmodified: 2023-11-07T20:24:23.946863Z\naffected:\n- versions:\n  - 1.0\n  - 0.10\n  - 2\n  ranges:\n  - type: ECOSYSTEM\n    events:\n    - introduced: "0"\n    - fixed: 1.10\n';
    const [record] = parseOsvDocument(yaml, 'PYSEC-1.yaml') as [{ modified: string; affected: [{ versions: string[]; ranges: [{ events: object[] }] }] }];
    expect(record.modified).toBe('2023-11-07T20:24:23.946863Z');
    expect(record.affected[0].versions).toEqual(['1.0', '0.10', '2']);
    expect(record.affected[0].ranges[0].events).toEqual([{ introduced: '0' }, { fixed: '1.10' }]);
  });

  it('reads single records, arrays and osv.dev {"vulns": [...]} bundles', () => {
    expect(parseOsvDocument('{"id":"A"}', 'a.json')).toEqual([{ id: 'A' }]);
    expect(parseOsvDocument('\uFEFF[{"id":"A"},{"id":"B"}]', 'a.json')).toHaveLength(2);
    expect(parseOsvDocument(Buffer.from('{"vulns":[{"id":"A"},{"id":"B"}]}'), 'bundle.json')).toEqual([{ id: 'A' }, { id: 'B' }]);
    expect(parseOsvDocument('id: A\nmodified: "2024-01-01T00:00:00Z"\n', 'no-extension')).toEqual([{ id: 'A', modified: '2024-01-01T00:00:00Z' }]);
  });

  it.each([
    ['', 'empty'],
    ['{"id": ', 'not valid JSON'],
    ['id: [unclosed', 'not valid YAML'],
    ['42', 'does not hold an OSV record'],
  ])('rejects %j', (text, reason) => {
    expect(() => parseOsvDocument(text, 'x')).toThrow(reason);
    try {
      parseOsvDocument(text, 'x');
    } catch (error) {
      expect(isAdvisoryError(error, 'invalid_record')).toBe(true);
    }
  });

  it('bounds YAML alias expansion', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`)].join('\n');
    expect(() => parseOsvDocument(bomb, 'bomb.yaml')).toThrow(/bomb.yaml cannot be read as YAML: .*alias/i);
  });
});
