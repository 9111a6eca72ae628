import { licenseList } from '../licenses.js';

const typeOf = (value: unknown): string | null =>
  typeof value === 'string' ? value : value && typeof value === 'object' && typeof (value as { type?: unknown }).type === 'string' ? (value as { type: string }).type : null;

/** package.json `license` (an SPDX expression, or the legacy `{type}` object) or the legacy `licenses` array. */
export function npmLicenses(manifest: Record<string, unknown>): string[] {
  const declared = typeOf(manifest.license);
  if (declared) return licenseList([declared]);
  return Array.isArray(manifest.licenses) ? licenseList(manifest.licenses.map(typeOf)) : [];
}
