import initSqlJs from 'sql.js';

type Value = string | string[] | number[];

/** An rpm header blob as rpmdb stores it (no magic): index count, data length, index entries, data store. */
export function rpmHeader(tags: Record<number, Value>): Buffer {
  const index: Buffer[] = [];
  const data: Buffer[] = [];
  let length = 0;
  for (const [tag, value] of Object.entries(tags).sort(([a], [b]) => Number(a) - Number(b))) {
    let type: number;
    let bytes: Buffer;
    let count: number;
    if (typeof value === 'string') [type, bytes, count] = [6, Buffer.from(`${value}\0`), 1];
    else if (typeof value[0] === 'number') {
      // int32 values are aligned on 4 bytes in the data store
      const pad = (4 - (length % 4)) % 4;
      data.push(Buffer.alloc(pad));
      length += pad;
      bytes = Buffer.alloc(value.length * 4);
      (value as number[]).forEach((n, i) => bytes.writeInt32BE(n, i * 4));
      [type, count] = [4, value.length];
    } else [type, bytes, count] = [8, Buffer.from((value as string[]).map((s) => `${s}\0`).join('')), value.length];
    const entry = Buffer.alloc(16);
    entry.writeUInt32BE(Number(tag), 0);
    entry.writeUInt32BE(type, 4);
    entry.writeUInt32BE(length, 8);
    entry.writeUInt32BE(count, 12);
    index.push(entry);
    data.push(bytes);
    length += bytes.length;
  }
  const preamble = Buffer.alloc(8);
  preamble.writeUInt32BE(index.length, 0);
  preamble.writeUInt32BE(length, 4);
  return Buffer.concat([preamble, ...index, ...data]);
}

/** An rpmdb.sqlite with rpm's Packages table holding the given header blobs. */
export async function rpmdbSqlite(headers: Buffer[]): Promise<Buffer> {
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  db.run('CREATE TABLE Packages (hnum INTEGER PRIMARY KEY AUTOINCREMENT, blob BLOB NOT NULL)');
  for (const header of headers) db.run('INSERT INTO Packages (blob) VALUES (?)', [header]);
  const bytes = Buffer.from(db.export());
  db.close();
  return bytes;
}
