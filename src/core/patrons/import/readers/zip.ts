import { open, type FileHandle } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { createInflateRaw, crc32, inflateRawSync } from 'node:zlib';
import { ImportFileError } from './errors.js';
import type { ReadLimits } from './limits.js';

/**
 * Just enough of the zip format to guard against bombs before any parser sees the file, to read
 * small parts (workbook.xml) by random access, and to hand exceljs the parts it needs in the order
 * its streaming reader expects.
 */
export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;
/** Parts bigger than this are judged by compression ratio as well as size. */
const RATIO_FLOOR_BYTES = 1024 * 1024;

function corrupt(fileName: string, why: string, cause?: unknown): ImportFileError {
  return new ImportFileError('CORRUPT_ZIP', fileName, `the file is damaged (${why})`, { cause });
}

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

/** Applies the zip64 extra field, which replaces 0xFFFFFFFF sizes and offsets. */
function applyZip64(entry: ZipEntry, extra: Buffer): void {
  let at = 0;
  while (at + 4 <= extra.length) {
    const id = extra.readUInt16LE(at);
    const size = extra.readUInt16LE(at + 2);
    if (id === 0x0001) {
      let field = at + 4;
      const next = (): number => {
        const value = Number(extra.readBigUInt64LE(field));
        field += 8;
        return value;
      };
      if (entry.uncompressedSize === 0xffffffff) entry.uncompressedSize = next();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next();
      if (entry.localOffset === 0xffffffff) entry.localOffset = next();
      return;
    }
    at += 4 + size;
  }
}

/** Reads the central directory: the sizes it declares are checked again while inflating. */
export async function readZipDirectory(path: string, fileName: string): Promise<ZipEntry[]> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const tailLength = Math.min(size, 22 + 0xffff);
    const tail = await readAt(handle, size - tailLength, tailLength);
    let eocd = -1;
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD_SIGNATURE) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw corrupt(fileName, 'no zip directory; the upload may be truncated');
    const count = tail.readUInt16LE(eocd + 10);
    const directorySize = tail.readUInt32LE(eocd + 12);
    const directoryOffset = tail.readUInt32LE(eocd + 16);
    if (directoryOffset === 0xffffffff || directorySize === 0xffffffff) {
      // A zip64 directory only makes sense above 4 GiB, far beyond any upload we accept.
      throw new ImportFileError(
        'TOO_LARGE',
        fileName,
        'the file is a zip64 archive, too large to import',
      );
    }
    if (directoryOffset + directorySize > size)
      throw corrupt(fileName, 'zip directory out of range');
    const directory = await readAt(handle, directoryOffset, directorySize);
    const entries: ZipEntry[] = [];
    let at = 0;
    for (let n = 0; n < count && at + 46 <= directory.length; n++) {
      if (directory.readUInt32LE(at) !== CENTRAL_SIGNATURE)
        throw corrupt(fileName, 'bad zip directory');
      const nameLength = directory.readUInt16LE(at + 28);
      const extraLength = directory.readUInt16LE(at + 30);
      const commentLength = directory.readUInt16LE(at + 32);
      const entry: ZipEntry = {
        name: directory.toString('utf8', at + 46, at + 46 + nameLength),
        flags: directory.readUInt16LE(at + 8),
        method: directory.readUInt16LE(at + 10),
        crc: directory.readUInt32LE(at + 16),
        compressedSize: directory.readUInt32LE(at + 20),
        uncompressedSize: directory.readUInt32LE(at + 24),
        localOffset: directory.readUInt32LE(at + 42),
      };
      applyZip64(
        entry,
        directory.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength),
      );
      entries.push(entry);
      at += 46 + nameLength + extraLength + commentLength;
    }
    if (entries.length !== count) throw corrupt(fileName, 'zip directory is incomplete');
    return entries;
  } finally {
    await handle.close();
  }
}

function bomb(fileName: string, why: string): ImportFileError {
  return new ImportFileError('ZIP_BOMB', fileName, `refused: ${why} (a damaged or hostile file)`);
}

/**
 * Refuses archives whose declared sizes are too large, whose parts compress absurdly well, or whose
 * entries overlap (the trick of "non-recursive" zip bombs). Declared sizes can lie: inflating is
 * metered as well (inflateEntry, meterEntry).
 */
export function inspectZip(
  entries: readonly ZipEntry[],
  fileName: string,
  limits: ReadLimits,
): void {
  let total = 0;
  for (const entry of entries) {
    if (entry.method !== STORED && entry.method !== DEFLATED) {
      throw corrupt(
        fileName,
        `part ${entry.name} uses unsupported compression method ${entry.method}`,
      );
    }
    if ((entry.flags & 0x1) !== 0) {
      throw new ImportFileError(
        'NOT_A_SPREADSHEET',
        fileName,
        'the file is password-protected; remove the password and upload it again',
      );
    }
    total += entry.uncompressedSize;
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize > RATIO_FLOOR_BYTES && ratio > limits.maxCompressionRatio) {
      throw bomb(fileName, `part ${entry.name} expands ${Math.round(ratio)}× when uncompressed`);
    }
  }
  if (total > limits.maxUncompressedBytes) {
    throw bomb(
      fileName,
      `it expands to ${mib(total)} MiB, above the ${mib(limits.maxUncompressedBytes)} MiB limit`,
    );
  }
  const byOffset = [...entries].sort((a, b) => a.localOffset - b.localOffset);
  for (let i = 1; i < byOffset.length; i++) {
    const previous = byOffset[i - 1];
    const current = byOffset[i];
    if (
      previous &&
      current &&
      previous.localOffset + 30 + previous.compressedSize > current.localOffset
    ) {
      throw bomb(fileName, `parts ${previous.name} and ${current.name} overlap`);
    }
  }
}

export function mib(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0);
}

/** Where an entry's compressed bytes start: after its local header, whose lengths may differ from the directory's. */
async function dataOffset(handle: FileHandle, entry: ZipEntry, fileName: string): Promise<number> {
  const header = await readAt(handle, entry.localOffset, 30);
  if (header.length < 30 || header.readUInt32LE(0) !== LOCAL_SIGNATURE) {
    throw corrupt(fileName, `part ${entry.name} is missing`);
  }
  return entry.localOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
}

/** Reads a small part into memory, refusing it if it inflates beyond maxBytes. */
export async function inflateEntry(
  path: string,
  entry: ZipEntry,
  fileName: string,
  maxBytes: number,
): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const start = await dataOffset(handle, entry, fileName);
    const compressed = await readAt(handle, start, entry.compressedSize);
    if (entry.method === STORED) return compressed.subarray(0, maxBytes);
    try {
      return inflateRawSync(compressed, { maxOutputLength: maxBytes });
    } catch (error) {
      if (error instanceof RangeError)
        throw bomb(fileName, `part ${entry.name} is larger than ${mib(maxBytes)} MiB`);
      throw corrupt(fileName, `part ${entry.name} cannot be uncompressed`, error);
    }
  } finally {
    await handle.close();
  }
}

/**
 * Inflates a part without keeping it (streaming, constant memory), to learn its true size: a bomb
 * that lies in its directory is stopped at the limit before any parser sees it, and a damaged part
 * is found before it can stall a streaming parser. Inflating is cheap next to XML parsing.
 */
export async function meterEntry(
  path: string,
  entry: ZipEntry,
  fileName: string,
  maxBytes: number,
): Promise<number> {
  const handle = await open(path, 'r');
  const { size } = await handle.stat();
  const start = await dataOffset(handle, entry, fileName).finally(() => handle.close());
  if (start + entry.compressedSize > size)
    throw corrupt(fileName, `part ${entry.name} is cut short`);
  if (entry.method === STORED) {
    if (entry.compressedSize > maxBytes)
      throw bomb(fileName, `part ${entry.name} is larger than ${mib(maxBytes)} MiB`);
    return entry.compressedSize;
  }
  const source = createReadStream(path, {
    start,
    end: start + Math.max(entry.compressedSize, 1) - 1,
  });
  const inflate = createInflateRaw();
  let total = 0;
  try {
    for await (const chunk of source.pipe(inflate)) {
      total += (chunk as Buffer).length;
      if (total > maxBytes)
        throw bomb(fileName, `part ${entry.name} expands beyond ${mib(maxBytes)} MiB`);
    }
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw corrupt(fileName, `part ${entry.name} cannot be uncompressed`, error);
  } finally {
    source.destroy();
    inflate.destroy();
  }
  return total;
}

/** A part to put in a rebuilt archive: copied from the file (possibly renamed), or given in memory. */
export type ZipPart = { entry: ZipEntry; as: string } | { name: string; content: Buffer };

function localHeader(
  name: string,
  method: number,
  crc: number,
  compressed: number,
  size: number,
): Buffer {
  const nameBytes = Buffer.from(name, 'utf8');
  const header = Buffer.alloc(30);
  header.writeUInt32LE(LOCAL_SIGNATURE, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(0x0800, 6); // UTF-8 names; no data descriptor: sizes are known
  header.writeUInt16LE(method, 8);
  header.writeUInt32LE(crc >>> 0, 14);
  header.writeUInt32LE(compressed, 18);
  header.writeUInt32LE(size, 22);
  header.writeUInt16LE(nameBytes.length, 26);
  return Buffer.concat([header, nameBytes]);
}

/**
 * A zip stream holding the given parts in the given order, copying compressed bytes as they are (no
 * recompression), so streaming readers such as exceljs's see the parts in the order they need. The
 * parts must have been metered first (meterEntry): a part that ends short would stall the reader.
 */
export function rebuiltZipStream(
  path: string,
  parts: readonly ZipPart[],
  fileName: string,
): Readable {
  async function* generate(): AsyncGenerator<Buffer> {
    for (const part of parts) {
      if ('content' in part) {
        const { content } = part;
        yield localHeader(part.name, STORED, crc32(content), content.length, content.length);
        yield content;
        continue;
      }
      const { entry } = part;
      const handle = await open(path, 'r');
      const start = await dataOffset(handle, entry, fileName).finally(() => handle.close());
      yield localHeader(
        part.as,
        entry.method,
        entry.crc,
        entry.compressedSize,
        entry.uncompressedSize,
      );
      if (entry.compressedSize > 0) {
        for await (const chunk of createReadStream(path, {
          start,
          end: start + entry.compressedSize - 1,
        })) {
          yield chunk as Buffer;
        }
      }
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(EOCD_SIGNATURE, 0);
    yield end;
  }
  return Readable.from(generate(), { objectMode: false });
}
