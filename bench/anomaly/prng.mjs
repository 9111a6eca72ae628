// A small seeded PRNG, so that one seed always generates the same lineages, builds and injections.
import { createHash } from 'node:crypto';

/** mulberry32: a 32-bit state PRNG, uniform in [0, 1); good enough to draw test data, not for anything secret. */
export function mulberry32(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 32-bit seed for one named stream ("lineage 3", "injection setuid_added"): streams do not shift each other. */
export function streamSeed(seed, name) {
  return createHash('sha256').update(`${seed}\u0000${name}`).digest().readUInt32LE(0);
}

/** Draw helpers over one stream. */
export function rngOf(seed, name) {
  const next = mulberry32(streamSeed(seed, name));
  const rng = {
    next,
    /** Whole number in [min, max]. */
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    /** Real number in [min, max). */
    real: (min, max) => min + next() * (max - min),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)],
    /** `count` distinct items in draw order. */
    sample: (items, count) => {
      const pool = [...items];
      const out = [];
      while (out.length < count && pool.length > 0) out.push(pool.splice(Math.floor(next() * pool.length), 1)[0]);
      return out;
    },
    /** A derived stream: a sub-generator whose draws do not move this one's. */
    fork: (label) => rngOf(streamSeed(seed, name), label),
  };
  return rng;
}

/** sha256 hex of a label: stands for a file's content hash, deterministic for the label. */
export function sha(label) {
  return createHash('sha256').update(label).digest('hex');
}

/** A base64 SSH key fingerprint (43 characters, as `ssh-keygen -l` prints after SHA256:) derived from a label. */
export function fingerprint(label) {
  return createHash('sha256').update(label).digest('base64').replace(/=+$/, '');
}
