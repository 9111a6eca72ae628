export const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
export const LOWER = 'abcdefghijklmnopqrstuvwxyz';
export const DIGITS = '0123456789';
export const ALNUM = UPPER + LOWER + DIGITS;
export const HEX = '0123456789abcdef';
export const BASE64 = ALNUM + '+/';
export const BASE64URL = ALNUM + '_-';

/** A seeded generator (mulberry32): the same seed gives the same fake secrets in every run. */
export function randomSource(seed: string): (alphabet: string, length: number) => string {
  let state = 0;
  for (const char of seed) state = (Math.imul(state, 31) + char.charCodeAt(0)) >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return (alphabet, length) => {
    let out = '';
    for (let i = 0; i < length; i += 1) out += alphabet[Math.floor(next() * alphabet.length)];
    return out;
  };
}

/** `length` characters of `alphabet` with at least one character of each class, so the value looks machine-made. */
export function mixed(random: (alphabet: string, length: number) => string, length: number): string {
  return random(UPPER, 1) + random(DIGITS, 1) + random(LOWER, 1) + random(ALNUM, length - 3);
}

/** Base64 lines of `width` characters, for key bodies. */
export function base64Lines(random: (alphabet: string, length: number) => string, lines: number, width = 64): string[] {
  return Array.from({ length: lines }, () => random(BASE64, width));
}

/** An RFC 4122-shaped UUID. */
export function uuid(random: (alphabet: string, length: number) => string): string {
  return `${random(HEX, 8)}-${random(HEX, 4)}-4${random(HEX, 3)}-a${random(HEX, 3)}-${random(HEX, 12)}`;
}
