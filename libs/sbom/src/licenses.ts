// Canonical SPDX ids the catalogers meet most; matched case-insensitively so `mit` or `apache-2.0` become ids too.
const SPDX_IDS = [
  '0BSD', 'AFL-2.1', 'AGPL-3.0-only', 'AGPL-3.0-or-later', 'Apache-1.1', 'Apache-2.0', 'Artistic-1.0', 'Artistic-2.0',
  'BlueOak-1.0.0', 'BSD-1-Clause', 'BSD-2-Clause', 'BSD-3-Clause', 'BSD-4-Clause', 'BSL-1.0', 'bzip2-1.0.6', 'CC-BY-3.0',
  'CC-BY-4.0', 'CC-BY-SA-4.0', 'CC0-1.0', 'CDDL-1.0', 'CDDL-1.1', 'EPL-1.0', 'EPL-2.0', 'GFDL-1.3-or-later', 'GPL-1.0-or-later',
  'GPL-2.0-only', 'GPL-2.0-or-later', 'GPL-3.0-only', 'GPL-3.0-or-later', 'HPND', 'ISC', 'LGPL-2.0-only', 'LGPL-2.0-or-later',
  'LGPL-2.1-only', 'LGPL-2.1-or-later', 'LGPL-3.0-only', 'LGPL-3.0-or-later', 'MIT', 'MIT-0', 'MPL-1.1', 'MPL-2.0', 'OpenSSL',
  'PSF-2.0', 'Python-2.0', 'Ruby', 'Unicode-DFS-2016', 'Unlicense', 'W3C', 'WTFPL', 'X11', 'Zlib', 'ZPL-2.1',
];
const BY_LOWER = new Map(SPDX_IDS.map((id) => [id.toLowerCase(), id]));

// Common spellings in package metadata (DEP-5 short names, Alpine's older L: values, Python classifiers).
const ALIASES: Record<string, string> = {
  'apache 2.0': 'Apache-2.0', 'apache-2': 'Apache-2.0', 'apache 2': 'Apache-2.0', 'apache2': 'Apache-2.0',
  'apache license 2.0': 'Apache-2.0', 'apache license, version 2.0': 'Apache-2.0', 'apache software license': 'Apache-2.0',
  'the apache software license, version 2.0': 'Apache-2.0', 'asl 2.0': 'Apache-2.0',
  'mit license': 'MIT', 'expat': 'MIT', 'the mit license': 'MIT',
  'bsd license': 'BSD-3-Clause', 'new bsd license': 'BSD-3-Clause', 'bsd-3': 'BSD-3-Clause', 'bsd-2': 'BSD-2-Clause', 'simplified bsd': 'BSD-2-Clause',
  'isc license': 'ISC', 'isc license (iscl)': 'ISC',
  'gpl-2': 'GPL-2.0-only', 'gpl-2+': 'GPL-2.0-or-later', 'gpl2': 'GPL-2.0-only', 'gpl2+': 'GPL-2.0-or-later', 'gplv2': 'GPL-2.0-only',
  'gplv2+': 'GPL-2.0-or-later', 'gpl-2.0': 'GPL-2.0-only', 'gpl-2.0+': 'GPL-2.0-or-later', 'gpl-3': 'GPL-3.0-only', 'gpl-3+': 'GPL-3.0-or-later',
  'gpl3': 'GPL-3.0-only', 'gpl3+': 'GPL-3.0-or-later', 'gplv3': 'GPL-3.0-only', 'gplv3+': 'GPL-3.0-or-later', 'gpl-3.0': 'GPL-3.0-only',
  'gpl-3.0+': 'GPL-3.0-or-later', 'gpl': 'GPL-1.0-or-later', 'gpl+': 'GPL-1.0-or-later',
  'lgpl-2': 'LGPL-2.0-only', 'lgpl-2+': 'LGPL-2.0-or-later', 'lgpl-2.1': 'LGPL-2.1-only', 'lgpl-2.1+': 'LGPL-2.1-or-later',
  'lgpl2.1': 'LGPL-2.1-only', 'lgpl2.1+': 'LGPL-2.1-or-later', 'lgpl-3': 'LGPL-3.0-only', 'lgpl-3+': 'LGPL-3.0-or-later',
  'lgpl-3.0': 'LGPL-3.0-only', 'lgpl-3.0+': 'LGPL-3.0-or-later',
  'gnu general public license v2 (gplv2)': 'GPL-2.0-only', 'gnu general public license v3 (gplv3)': 'GPL-3.0-only',
  'gnu general public license v2 or later (gplv2+)': 'GPL-2.0-or-later', 'gnu general public license v3 or later (gplv3+)': 'GPL-3.0-or-later',
  'gnu lesser general public license v2 or later (lgplv2+)': 'LGPL-2.0-or-later', 'gnu lesser general public license v3 (lgplv3)': 'LGPL-3.0-only',
  'gnu library or lesser general public license (lgpl)': 'LGPL-2.0-or-later',
  'mozilla public license 2.0 (mpl 2.0)': 'MPL-2.0', 'mpl 2.0': 'MPL-2.0', 'mpl-2': 'MPL-2.0',
  'python software foundation license': 'PSF-2.0', 'psf': 'PSF-2.0', 'psfl': 'PSF-2.0',
  'public domain': 'LicenseRef-Public-Domain', 'cc0': 'CC0-1.0', 'zlib license': 'Zlib', 'zlib/libpng license': 'Zlib',
  'eclipse public license 2.0': 'EPL-2.0', 'eclipse public license - v 2.0': 'EPL-2.0', 'eclipse public license - v 1.0': 'EPL-1.0',
  'boost software license 1.0 (bsl-1.0)': 'BSL-1.0', 'the unlicense (unlicense)': 'Unlicense', 'artistic': 'Artistic-1.0',
};

const CLASSIFIER_PREFIX = /^license\s*::\s*(?:osi approved\s*::\s*)?/i;
const EXPRESSION_TOKEN = /^(?:\(|\)|AND|OR|WITH|and|or|with|[A-Za-z0-9][A-Za-z0-9.+-]*)$/;

function normaliseTerm(term: string): string | null {
  const lower = term.toLowerCase();
  return BY_LOWER.get(lower) ?? ALIASES[lower] ?? null;
}

/**
 * An SPDX id or expression for a license string from package metadata (`MIT`, `GPL-2+`, `Apache License, Version 2.0`,
 * `License :: OSI Approved :: MIT License`, `MIT OR Apache-2.0`); the trimmed raw text when it is none of those.
 */
export function normaliseLicense(raw: string): string {
  const text = raw.trim().replace(CLASSIFIER_PREFIX, '').replace(/\s+/g, ' ');
  const whole = normaliseTerm(text);
  if (whole) return whole;
  const tokens = text.replace(/([()])/g, ' $1 ').trim().split(' ').filter(Boolean);
  if (tokens.length > 1 && tokens.every((token) => EXPRESSION_TOKEN.test(token))) {
    // an expression: operators upper-cased, each known id canonicalised, unknown ids kept as written
    return tokens.map((token) => (/^(and|or|with)$/i.test(token) ? token.toUpperCase() : normaliseTerm(token) ?? token)).join(' ').replace(/\( /g, '(').replace(/ \)/g, ')');
  }
  return text;
}

/** Distinct normalised licenses, in the order given, without empty and "UNKNOWN" values. */
export function licenseList(raws: Iterable<string | null | undefined>): string[] {
  const seen = new Set<string>();
  for (const raw of raws) {
    if (!raw || !raw.trim() || /^(unknown|none|license\.txt|see license)$/i.test(raw.trim())) continue;
    seen.add(normaliseLicense(raw));
  }
  return [...seen];
}
