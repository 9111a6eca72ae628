/** A variable's value: a string, null when declared without one, undefined when not declared. */
export type VariableLookup = (name: string) => string | null | undefined;

const REFERENCE = /\$(?:([A-Za-z_][A-Za-z0-9_]*)|\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?\})/y;

/**
 * Expands `$NAME`, `${NAME}`, `${NAME:-word}`, `${NAME-word}`, `${NAME:+word}` and `${NAME+word}` the way Docker does
 * in FROM; null when a variable the result depends on has no value (the build would need a build argument).
 */
export function expandVariables(text: string, lookup: VariableLookup, escape = '\\'): string | null {
  let out = '';
  for (let i = 0; i < text.length; ) {
    if (text[i] === escape && text[i + 1] === '$') {
      out += '$';
      i += 2;
      continue;
    }
    if (text[i] !== '$') {
      out += text[i++];
      continue;
    }
    REFERENCE.lastIndex = i;
    const match = REFERENCE.exec(text);
    if (!match) return null;
    const name = match[1] ?? match[2];
    const value = lookup(name);
    const operator = match[3];
    const set = operator?.startsWith(':') ? value !== null && value !== undefined && value !== '' : value !== null && value !== undefined;
    let expanded: string | null;
    if (operator === undefined) expanded = set ? (value as string) : null;
    else if (operator.endsWith('-')) expanded = set ? (value as string) : match[4];
    else expanded = set ? match[4] : '';
    if (expanded === null) return null;
    out += expanded;
    i = REFERENCE.lastIndex;
  }
  return out;
}
