import { type CatalogContext } from '../cataloger.js';
import { licenseList } from '../licenses.js';

const COPYRIGHT = /^\/usr\/share\/doc\/[^/]+\/copyright$/;

/** `/usr/share/doc/<pkg>/copyright` files, read for licenses. */
export const isDebianCopyrightPath = (path: string): boolean => COPYRIGHT.test(path);

/**
 * Licenses of a Debian package from its machine-readable copyright file (DEP-5 `License:` short names, mapped to SPDX);
 * free-form copyright files name no license reliably and give none.
 */
export function debianCopyrightLicenses(name: string, context: CatalogContext): string[] {
  const content = context.contentOf(`/usr/share/doc/${name}/copyright`);
  if (!content) return [];
  const names: string[] = [];
  for (const match of content.toString('utf8').matchAll(/^License:[ \t]*(\S[^\n]*)$/gm)) {
    // "GPL-2+ or Artistic" style: DEP-5 writes operators in lower case
    names.push(match[1].trim().replace(/\s+(or|and|with)\s+/gi, (_, op: string) => ` ${op.toUpperCase()} `));
  }
  return licenseList(names);
}
