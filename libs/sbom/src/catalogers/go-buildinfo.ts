import { type InspectVerdict } from '@dhi/image';

/** The build info blob of a Go binary: strings (Go ≥ 1.18), the older pointer format, or a blob that cannot be read. */
export type GoBuildInfoBlob =
  | { kind: 'inline'; goVersion: string; modinfo: string }
  | { kind: 'pointer' }
  | { kind: 'malformed'; reason: string };

const ELF_MAGIC = Buffer.from('\x7fELF', 'latin1');
// cmd/link writes it 16-byte aligned at the start of .go.buildinfo, followed by ptrSize, flags and pointers or strings
const MAGIC = Buffer.from('\xff Go buildinf:', 'latin1');
const ALIGN = 16;
const HEADER_BYTES = 32;
const PTR_SIZE_AT = 14;
const FLAGS_AT = 15;
const FLAG_INLINE_STRINGS = 0x2;
const MAX_VARINT_BYTES = 10;
// a Go version is a few dozen bytes; the module list of the largest known binaries is tens of KiB
const MAX_VERSION_BYTES = 1024;
const MAX_MODINFO_BYTES = 1024 * 1024;
// cmd/go frames the module list with 16-byte sentinels (modload.infoStart/infoEnd)
const SENTINEL_BYTES = 16;

type Parsed = { need: number } | GoBuildInfoBlob;
type Field = { need: number } | { reason: string } | { bytes: Buffer; next: number };

/** A varint length and that many bytes, as cmd/link writes each string; bounded by `max`. */
function readField(blob: Buffer, at: number, max: number, what: string): Field {
  let length = 0;
  for (let i = 0, scale = 1; i < MAX_VARINT_BYTES; i += 1, scale *= 128) {
    if (at + i >= blob.length) return { need: at + i + 1 };
    const byte = blob[at + i];
    length += (byte & 0x7f) * scale;
    if (length > max) return { reason: `its ${what} is longer than ${max} bytes` };
    if (byte < 0x80) {
      const end = at + i + 1 + length;
      return end > blob.length ? { need: end } : { bytes: blob.subarray(at + i + 1, end), next: end };
    }
  }
  return { reason: `the length of its ${what} is not a varint` };
}

function parseBlob(blob: Buffer): Parsed {
  if (blob.length < HEADER_BYTES) return { need: HEADER_BYTES };
  if ((blob[FLAGS_AT] & FLAG_INLINE_STRINGS) === 0) return { kind: 'pointer' };
  const version = readField(blob, HEADER_BYTES, MAX_VERSION_BYTES, 'Go version');
  if (!('bytes' in version)) return 'need' in version ? version : { kind: 'malformed', reason: version.reason };
  if (version.bytes.length === 0) return { kind: 'malformed', reason: 'its Go version is empty' };
  const modinfo = readField(blob, version.next, MAX_MODINFO_BYTES, 'module list');
  if (!('bytes' in modinfo)) return 'need' in modinfo ? modinfo : { kind: 'malformed', reason: modinfo.reason };
  const mod = modinfo.bytes;
  // as debug/buildinfo: without both sentinels and the final newline there is no module list
  const framed = mod.length >= 2 * SENTINEL_BYTES + 1 && mod[mod.length - SENTINEL_BYTES - 1] === 0x0a;
  return {
    kind: 'inline',
    goVersion: version.bytes.toString('utf8'),
    modinfo: framed ? mod.toString('utf8', SENTINEL_BYTES, mod.length - SENTINEL_BYTES) : '',
  };
}

/**
 * Reads a Go ELF binary's build info from its bytes as they stream: checks the ELF magic, looks for the build info magic
 * at 16-byte aligned offsets and reads only up to the end of its strings. Never throws; finish() is null for anything
 * that is not a Go ELF binary.
 */
export class GoBuildInfoScanner {
  private state: 'elf' | 'search' | 'collect' | 'finished' = 'elf';
  private consumed = 0;
  // a possible start of the magic cut by a chunk boundary
  private pending: Buffer = Buffer.alloc(0);
  private collected: Buffer[] = [];
  private collectedBytes = 0;
  private need = HEADER_BYTES;
  private outcome: GoBuildInfoBlob | null = null;

  update(chunk: Buffer): InspectVerdict {
    if (this.state === 'finished') return 'done';
    if (this.state === 'collect') {
      this.collected.push(chunk);
      this.collectedBytes += chunk.length;
      return this.tryParse();
    }
    const base = this.consumed - this.pending.length;
    this.consumed += chunk.length;
    const window = this.pending.length > 0 ? Buffer.concat([this.pending, chunk]) : chunk;
    this.pending = Buffer.alloc(0);
    if (this.state === 'elf') {
      const head = Math.min(window.length, ELF_MAGIC.length);
      if (!window.subarray(0, head).equals(ELF_MAGIC.subarray(0, head))) return this.end(null);
      if (head < ELF_MAGIC.length) {
        this.pending = Buffer.from(window);
        return 'more';
      }
      this.state = 'search';
    }
    return this.search(window, base);
  }

  finish(): GoBuildInfoBlob | null {
    if (this.state === 'collect') this.end({ kind: 'malformed', reason: 'the file ends before its build info does' });
    this.state = 'finished';
    return this.outcome;
  }

  private search(window: Buffer, base: number): InspectVerdict {
    for (let from = 0; ; ) {
      const at = window.indexOf(MAGIC, from);
      if (at < 0 || window.length - at < ALIGN) break;
      const ptrSize = window[at + PTR_SIZE_AT];
      if ((base + at) % ALIGN === 0 && (ptrSize === 4 || ptrSize === 8)) {
        this.state = 'collect';
        this.collected = [window.subarray(at)];
        this.collectedBytes = window.length - at;
        return this.tryParse();
      }
      from = at + 1;
    }
    // only the aligned offset among the last ALIGN - 1 bytes can still start a header
    const tail = Math.max(0, window.length - (ALIGN - 1));
    const aligned = tail + ((ALIGN - ((base + tail) % ALIGN)) % ALIGN);
    const rest = window.subarray(aligned, aligned + MAGIC.length);
    if (aligned < window.length && rest.equals(MAGIC.subarray(0, rest.length))) this.pending = Buffer.from(window.subarray(aligned));
    return 'more';
  }

  private tryParse(): InspectVerdict {
    if (this.collectedBytes < this.need) return 'more';
    const blob = this.collected.length === 1 ? this.collected[0] : Buffer.concat(this.collected);
    this.collected = [blob];
    const parsed = parseBlob(blob);
    if (!('need' in parsed)) return this.end(parsed);
    this.need = parsed.need;
    return 'more';
  }

  private end(outcome: GoBuildInfoBlob | null): InspectVerdict {
    this.outcome = outcome;
    this.state = 'finished';
    this.collected = [];
    return 'done';
  }
}
