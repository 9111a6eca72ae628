import { buildImageArchive, type FixtureImageSpec } from '@dhi/testing';

/** GET a JSON document; fails the test with the body when the status is not the expected one. */
export async function getJson<T = Record<string, unknown>>(url: string, expected = 200): Promise<T> {
  const response = await fetch(url);
  const text = await response.text();
  if (response.status !== expected) throw new Error(`GET ${url}: ${response.status} ${text}`);
  return JSON.parse(text) as T;
}

/** POST a JSON body and return status, content type and the parsed answer. */
export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: response.status, type: response.headers.get('content-type') ?? '', body: (await response.json()) as Record<string, unknown> };
}

/** Submits an image archive as a user would (multipart `image`, `name`, `tag`). */
export async function submitArchive(
  buildUrl: string,
  archive: Buffer,
  fields: { name: string; tag: string; lineage?: string },
  headers: Record<string, string> = {},
) {
  const form = new FormData();
  form.set('name', fields.name);
  form.set('tag', fields.tag);
  if (fields.lineage) form.set('lineage', fields.lineage);
  form.set('image', new Blob([new Uint8Array(archive)]), 'image.tar');
  const response = await fetch(`${buildUrl}/v1/builds`, { method: 'POST', body: form, headers });
  return { status: response.status, location: response.headers.get('location'), type: response.headers.get('content-type') ?? '', body: (await response.json()) as Record<string, unknown> };
}

/** A fixture image archive in the given format. */
export function archiveOf(spec: FixtureImageSpec, format: 'docker-archive' | 'oci-archive', gzip = false): Promise<Buffer> {
  return buildImageArchive(spec, format, { gzip });
}
