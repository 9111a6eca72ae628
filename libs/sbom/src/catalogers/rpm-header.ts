/** Tags of an rpm header that the cataloger reads (rpmtag.h). */
export const RpmTag = Object.freeze({
  NAME: 1000, VERSION: 1001, RELEASE: 1002, EPOCH: 1003, VENDOR: 1011, LICENSE: 1014, ARCH: 1022, SOURCERPM: 1044,
  DIRINDEXES: 1116, BASENAMES: 1117, DIRNAMES: 1118,
});

const INT32 = 4;
const STRING = 6;
const STRING_ARRAY = 8;
const I18NSTRING = 9;
const MAX_INDEX_ENTRIES = 0xffff;

export type RpmValue = string | string[] | number[];

function readStrings(blob: Buffer, start: number, count: number): string[] {
  const strings: string[] = [];
  let at = start;
  for (let i = 0; i < count; i += 1) {
    const end = blob.indexOf(0, at);
    if (end < 0) throw new Error('rpm header string runs past the end of the header');
    strings.push(blob.toString('utf8', at, end));
    at = end + 1;
  }
  return strings;
}

/**
 * The wanted tags of an rpm header blob as rpmdb stores it: index count and data length (big-endian int32), the index
 * entries (tag, type, offset, count), then the data store. Offsets are checked against the blob, never trusted.
 */
export function parseRpmHeader(blob: Buffer, wanted: ReadonlySet<number>): Map<number, RpmValue> {
  if (blob.length < 8) throw new Error('rpm header is shorter than its preamble');
  const entries = blob.readUInt32BE(0);
  const dataLength = blob.readUInt32BE(4);
  const dataStart = 8 + entries * 16;
  if (entries > MAX_INDEX_ENTRIES || dataStart + dataLength > blob.length) throw new Error('rpm header sizes exceed the blob');
  const values = new Map<number, RpmValue>();
  for (let i = 0; i < entries; i += 1) {
    const at = 8 + i * 16;
    const tag = blob.readUInt32BE(at);
    if (!wanted.has(tag)) continue;
    const type = blob.readUInt32BE(at + 4);
    const offset = blob.readUInt32BE(at + 8);
    const count = blob.readUInt32BE(at + 12);
    const start = dataStart + offset;
    if (offset >= dataLength) throw new Error(`rpm header tag ${tag} points outside the data`);
    if (type === STRING || type === I18NSTRING) values.set(tag, readStrings(blob, start, 1)[0]);
    else if (type === STRING_ARRAY) values.set(tag, readStrings(blob, start, count));
    else if (type === INT32) {
      if (start + count * 4 > dataStart + dataLength) throw new Error(`rpm header tag ${tag} runs past the data`);
      values.set(tag, Array.from({ length: count }, (_, k) => blob.readInt32BE(start + k * 4)));
    }
  }
  return values;
}
