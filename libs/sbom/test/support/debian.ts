/** A dpkg status paragraph as dpkg writes it. */
export function debParagraph(fields: { name: string; version: string; arch?: string; source?: string; status?: string | null; multiArch?: string }): string {
  const lines = [`Package: ${fields.name}`];
  if (fields.status !== null) lines.push(`Status: ${fields.status ?? 'install ok installed'}`);
  lines.push('Priority: optional', 'Section: libs', 'Installed-Size: 1234', 'Maintainer: Debian Developers <debian@example.org>');
  lines.push(`Architecture: ${fields.arch ?? 'amd64'}`);
  if (fields.multiArch) lines.push(`Multi-Arch: ${fields.multiArch}`);
  if (fields.source) lines.push(`Source: ${fields.source}`);
  lines.push(`Version: ${fields.version}`, 'Depends: libc6 (>= 2.34)', `Description: the ${fields.name} package`, ' A longer description', ' .', ' over several lines.');
  return `${lines.join('\n')}\n`;
}

export const statusFile = (paragraphs: string[]): string => paragraphs.join('\n');

export const DEBIAN_12_OS_RELEASE = [
  'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"',
  'NAME="Debian GNU/Linux"',
  'VERSION_ID="12"',
  'VERSION="12 (bookworm)"',
  'VERSION_CODENAME=bookworm',
  'ID=debian',
  '',
].join('\n');

export const DEP5_COPYRIGHT = [
  'Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/',
  'Upstream-Name: OpenSSL',
  '',
  'Files: *',
  'Copyright: 1998-2023 The OpenSSL Project',
  'License: Apache-2.0',
  '',
  'Files: debian/*',
  'Copyright: 2023 Debian',
  'License: GPL-2+',
  ' This program is free software.',
  '',
].join('\n');
