import { licenseList, normaliseLicense } from './licenses.js';

describe('normaliseLicense', () => {
  it.each([
    ['MIT', 'MIT'],
    ['mit', 'MIT'],
    ['Apache License, Version 2.0', 'Apache-2.0'],
    ['GPL-2+', 'GPL-2.0-or-later'],
    ['License :: OSI Approved :: BSD License', 'BSD-3-Clause'],
    ['(mit OR apache-2.0)', '(MIT OR Apache-2.0)'],
    ['GPL-2.0-only WITH Classpath-exception-2.0', 'GPL-2.0-only WITH Classpath-exception-2.0'],
    ['Some Custom License, see file', 'Some Custom License, see file'],
  ])('%s → %s', (raw, expected) => {
    expect(normaliseLicense(raw)).toBe(expected);
  });

  it('drops empty and unknown values and duplicates', () => {
    expect(licenseList(['MIT', 'UNKNOWN', '', null, 'mit', 'ISC'])).toEqual(['MIT', 'ISC']);
  });
});
