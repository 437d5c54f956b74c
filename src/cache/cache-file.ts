/**
 * One cache file: a magic line, a JSON header with a section table, then 8-byte aligned binary sections.
 * Each section is read into its own buffer and used as a typed array without parsing; a section that is
 * parsed (the statements' JSON) is freed afterwards instead of pinning the whole file in memory. A CRC-32
 * over header and sections catches a torn or damaged file. Written to a temp file and renamed, so a
 * reader never sees half a file.
 */
import { closeSync, fstatSync, mkdirSync, openSync, readSync, renameSync, rmSync, writeSync } from "node:fs";
import { dirname } from "node:path";
import { crc32 } from "node:zlib";

const MAGIC = Buffer.from("ZBIDX01\n", "latin1");
// Magic, header length (u32), CRC-32 (u32).
const PREFIX = MAGIC.length + 8;
const ALIGN = 8;

export class CacheFileError extends Error {}

export interface SectionEntry {
  name: string;
  offset: number;
  length: number;
}

export interface CacheFile<H> {
  header: H;
  section(name: string): Uint8Array;
}

export function writeCacheFile(
  path: string,
  header: object,
  sections: Record<string, ArrayBufferView>,
): number {
  const table: SectionEntry[] = [];
  let offset = 0;
  for (const [name, view] of Object.entries(sections)) {
    table.push({ name, offset, length: view.byteLength });
    offset = align(offset + view.byteLength);
  }
  const headerBytes = Buffer.from(JSON.stringify({ ...header, sections: table }), "utf8");
  const headerPad = align(PREFIX + headerBytes.length) - PREFIX - headerBytes.length;
  const pieces: Uint8Array[] = [headerBytes, new Uint8Array(headerPad)];
  for (const view of Object.values(sections)) {
    pieces.push(bytesOf(view));
    pieces.push(new Uint8Array(align(view.byteLength) - view.byteLength));
  }
  // Padding is not covered: the reader skips it.
  let crc = crc32(headerBytes);
  for (const view of Object.values(sections)) crc = crc32(bytesOf(view), crc);
  const prefix = Buffer.alloc(PREFIX);
  MAGIC.copy(prefix);
  prefix.writeUInt32LE(headerBytes.length, MAGIC.length);
  prefix.writeUInt32LE(crc >>> 0, MAGIC.length + 4);

  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  let size = 0;
  try {
    const fd = openSync(tmp, "w");
    try {
      for (const p of [prefix, ...pieces]) size += writeAll(fd, p);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
  return size;
}

/** Reads and checks a cache file; any damage is a CacheFileError saying what is wrong. */
export function readCacheFile<H>(path: string): CacheFile<H> {
  const fd = openSync(path, "r");
  try {
    const size = fstatSync(fd).size;
    const prefix = readAt(fd, 0, Math.min(PREFIX, size));
    if (prefix.length < PREFIX || !prefix.subarray(0, MAGIC.length).equals(MAGIC)) {
      throw new CacheFileError("not a cache file (bad magic)");
    }
    const headerLength = prefix.readUInt32LE(MAGIC.length);
    const crc = prefix.readUInt32LE(MAGIC.length + 4);
    if (PREFIX + headerLength > size) throw new CacheFileError("truncated header");
    const headerBytes = readAt(fd, PREFIX, headerLength);
    let sum = crc32(headerBytes);
    let header: H & { sections: SectionEntry[] };
    try {
      header = JSON.parse(headerBytes.toString("utf8"));
    } catch {
      throw new CacheFileError("header is not JSON");
    }
    const body = align(PREFIX + headerLength);
    const sections = new Map<string, Uint8Array>();
    for (const s of Array.isArray(header.sections) ? header.sections : []) {
      if (!(s.offset >= 0 && s.length >= 0 && body + s.offset + s.length <= size)) {
        throw new CacheFileError(`section ${s.name} out of bounds`);
      }
      // A fresh buffer per section: aligned for any typed array, and freed on its own.
      const bytes = readAt(fd, body + s.offset, s.length);
      sum = crc32(bytes, sum);
      sections.set(s.name, bytes);
    }
    if (sum >>> 0 !== crc) throw new CacheFileError("checksum mismatch");
    return {
      header,
      section(name) {
        const bytes = sections.get(name);
        if (!bytes) throw new CacheFileError(`missing section ${name}`);
        return bytes;
      },
    };
  } finally {
    closeSync(fd);
  }
}

function readAt(fd: number, position: number, length: number): Buffer {
  const buf = Buffer.allocUnsafeSlow(length);
  let done = 0;
  while (done < length) {
    const n = readSync(fd, buf, done, length - done, position + done);
    if (n === 0) throw new CacheFileError("truncated file");
    done += n;
  }
  return buf;
}

type Ctor<T> = {
  new (buffer: ArrayBufferLike, byteOffset: number, length: number): T;
  BYTES_PER_ELEMENT: number;
};

/** A typed-array view of a section, without copying when it is aligned (it always is when read whole). */
export function viewAs<T>(bytes: Uint8Array, ctor: Ctor<T>): T {
  if (bytes.byteLength % ctor.BYTES_PER_ELEMENT !== 0) throw new CacheFileError("section size");
  const aligned = bytes.byteOffset % ctor.BYTES_PER_ELEMENT === 0 ? bytes : bytes.slice();
  return new ctor(aligned.buffer, aligned.byteOffset, aligned.byteLength / ctor.BYTES_PER_ELEMENT);
}

function bytesOf(view: ArrayBufferView): Uint8Array {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

function align(n: number): number {
  return Math.ceil(n / ALIGN) * ALIGN;
}

function writeAll(fd: number, bytes: Uint8Array): number {
  let done = 0;
  while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
  return done;
}
