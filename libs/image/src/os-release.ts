export interface OsRelease {
  id: string;
  versionId: string | null;
  prettyName: string | null;
}

function unquote(raw: string): string {
  const value = raw.trim();
  if (value.length >= 2 && value.startsWith("'") && value.endsWith("'")) return value.slice(1, -1);
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
    return value.slice(1, -1).replace(/\\([\\"$`])/g, '$1');
  }
  return value;
}

/** Parses os-release(5) text (`ID=debian`, `VERSION_ID="12"`); null when it names no ID. */
export function parseOsRelease(text: string): OsRelease | null {
  const values = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*([A-Za-z0-9_]+)=(.*)$/.exec(line);
    if (match) values.set(match[1], unquote(match[2]));
  }
  const id = values.get('ID');
  if (!id) return null;
  return { id, versionId: values.get('VERSION_ID') || null, prettyName: values.get('PRETTY_NAME') || null };
}
