/** How much of a file's start decides whether it is text. */
export const SNIFF_BYTES = 8192;

// control characters text files use: backspace, tab, line feed, form feed, carriage return, escape
const TEXT_CONTROLS = new Set([8, 9, 10, 12, 13, 27]);

/**
 * Whether a file's first bytes are binary: a NUL, more than 5 % control characters, or (for bytes that are not ASCII)
 * more than 5 % invalid UTF-8. Legacy 8-bit text is mostly ASCII and passes.
 */
export function looksBinary(head: Buffer): boolean {
  if (head.length === 0) return false;
  if (head.includes(0)) return true;
  let controls = 0;
  let high = 0;
  for (const byte of head) {
    if ((byte < 32 && !TEXT_CONTROLS.has(byte)) || byte === 127) controls += 1;
    else if (byte >= 128) high += 1;
  }
  if (controls / head.length > 0.05) return true;
  if (high === 0) return false;
  // a multi-byte character cut at the end of the sniffed part is not an error
  const decoded = head.subarray(0, Math.max(0, head.length - 3)).toString('utf8');
  let invalid = 0;
  for (const char of decoded) if (char === '\uFFFD') invalid += 1;
  return invalid / head.length > 0.05;
}
