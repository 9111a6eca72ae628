import { parseOsRelease } from './os-release.js';

describe('parseOsRelease', () => {
  it('reads Debian os-release with quotes and comments', () => {
    const text = [
      '# comment',
      'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"',
      'NAME="Debian GNU/Linux"',
      'VERSION_ID="12"',
      'ID=debian',
      'HOME_URL="https://www.debian.org/"',
    ].join('\n');
    expect(parseOsRelease(text)).toEqual({ id: 'debian', versionId: '12', prettyName: 'Debian GNU/Linux 12 (bookworm)' });
  });

  it('handles single quotes, escapes and missing optional fields', () => {
    expect(parseOsRelease("ID='alpine'\r\nPRETTY_NAME=\"say \\\"hi\\\"\"")).toEqual({ id: 'alpine', versionId: null, prettyName: 'say "hi"' });
  });

  it('is null without an ID', () => {
    expect(parseOsRelease('NAME=x\nnot a line')).toBeNull();
    expect(parseOsRelease('')).toBeNull();
  });
});
