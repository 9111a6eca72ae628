/**
 * Where a bracket expression starting at `open` (`[abc]`, `[!a-z]`) ends, and whether `char` is in it; null when the
 * bracket is never closed (fnmatch then takes `[` literally).
 */
function bracket(pattern: string, open: number, char: string): { next: number; matches: boolean } | null {
  let i = open + 1;
  const negated = pattern[i] === '!' || pattern[i] === '^';
  if (negated) i += 1;
  let inside = false;
  // a `]` right after the opening bracket is a member, not the end
  for (let first = true; i < pattern.length && (first || pattern[i] !== ']'); first = false) {
    if (pattern[i + 1] === '-' && i + 2 < pattern.length && pattern[i + 2] !== ']') {
      inside ||= pattern[i] <= char && char <= pattern[i + 2];
      i += 3;
    } else {
      inside ||= pattern[i] === char;
      i += 1;
    }
  }
  return i >= pattern.length ? null : { next: i + 1, matches: inside !== negated };
}

/** The pattern position after matching one non-star pattern element against `char`, or -1. */
function step(pattern: string, p: number, char: string): number {
  const element = pattern[p];
  if (element === '?') return p + 1;
  if (element === '[') {
    const set = bracket(pattern, p, char);
    if (set) return set.matches ? set.next : -1;
  }
  if (element === '\\' && p + 1 < pattern.length) return pattern[p + 1] === char ? p + 2 : -1;
  return element === char ? p + 1 : -1;
}

/**
 * fnmatch(3) of one path component (`*`, `?`, `[...]`, `\` escapes), in time proportional to pattern × name: the
 * patterns come from the image, so no backtracking regular expression is built from them.
 */
export function matchesComponent(pattern: string, name: string): boolean {
  let p = 0;
  let n = 0;
  let star = -1;
  let starName = 0;
  while (n < name.length) {
    if (p < pattern.length && pattern[p] === '*') {
      star = p;
      starName = n;
      p += 1;
      continue;
    }
    const next = p < pattern.length ? step(pattern, p, name[n]) : -1;
    if (next !== -1) {
      p = next;
      n += 1;
    } else if (star !== -1) {
      // let the last star swallow one more character and retry from there
      p = star + 1;
      starName += 1;
      n = starName;
    } else return false;
  }
  while (pattern[p] === '*') p += 1;
  return p === pattern.length;
}
