// Example credentials printed in the RFCs that define OAuth and bearer tokens, and copied into the docstrings and tests
// of every OAuth library: RFC 6749 (client s6BhdRkqt3, its secrets, code, access and refresh tokens), RFC 6750 and
// RFC 5849 (OAuth 1.0 consumer and token credentials).
const RFC_EXAMPLES = [
  's6BhdRkqt3',
  'gX1fBat3bV',
  '7Fjfp0ZBr1KtDRbnfVdmIw',
  'czZCaGRSa3F0MzpnWDFmQmF0M2JW',
  'SplxlOBeZQQYbYS6WxSbIA',
  '2YotnFZFEjr1zCsicMWpAA',
  'tGzv3JOkF0XG5Qx2TlKWIA',
  'mF_9.B5f-4.1JqM',
  'h480djs93hd8',
  'dpf43f3p2l4k3l03',
  'kd94hf93k423kf44',
  'hh5s93j4hdidpola',
  'hdhd0244k9j7ao03',
  'nnch734d00sl2jdk',
  'pfkkdhi9sl3r4s00',
  '9djdj82h48djs9d2',
  'kkk9d7dh3k39sjv7',
  'ad180jjd733klru7',
];

const EXAMPLES = new Set(RFC_EXAMPLES);

/** Whether a value is a credential that a standard prints as its example (never a leak, whatever rule found it). */
export function isDocumentationExample(secret: string): boolean {
  return EXAMPLES.has(secret);
}
