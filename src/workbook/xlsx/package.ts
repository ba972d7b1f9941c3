/**
 * An .xlsx (or .xlsm) file as its package: the zip's parts by name, as bytes. What we
 * do not own is never parsed to be written again: `toBytes` writes every part that was
 * not `set` or `remove`d exactly as it was read.
 *
 * Zip through fflate (small, maintained, no dependencies, runs in Node and the browser).
 * A zip bomb is refused before it is inflated: each part's declared size, the sum of
 * them, and each part's ratio of inflated to compressed size have limits (`LIMITS`), and
 * a part that inflates to more than it declared is refused too.
 *
 * Browser-safe: Uint8Array and TextDecoder only, no Node modules.
 */
import { unzipSync, zipSync, type Unzipped, type UnzipFileInfo, type Zippable } from 'fflate';

/** The limits a package must keep to, in bytes (and a count of parts). */
export const LIMITS = {
  /** One part inflated: 256 MiB (a worksheet of a million rows fits well within it). */
  part: 256 * 1024 * 1024,
  /** All parts inflated together: 1 GiB. */
  total: 1024 * 1024 * 1024,
  /** Inflated over compressed, for parts above 1 MiB inflated: text XML compresses ~10–30×. */
  ratio: 1000,
  /** Parts in one package. */
  parts: 50_000,
} as const;

/** Why a file's bytes are not a package we can use. */
export type PackageProblem =
  | 'empty'
  | 'not-a-zip'
  | 'encrypted'
  | 'xls'
  | 'xlsb'
  | 'ods'
  | 'strict'
  | 'too-large'
  | 'corrupt'
  | 'missing-part'
  /** Two tables share a name (Excel names are unique, ignoring case). */
  | 'duplicate-table';

/** The bytes are not a package we can use; `part` names the part where it helps. */
export class PackageError extends Error {
  constructor(
    readonly problem: PackageProblem,
    readonly detail: string,
    readonly part?: string,
  ) {
    super(part === undefined ? detail : `${detail} (part ${part})`);
    this.name = 'PackageError';
  }
}

const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP_SIGNATURE = [0x50, 0x4b, 0x05, 0x06];

function startsWith(data: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((byte, i) => data[i] === byte);
}

/** Whether a compound file (CFB) holds an encrypted OOXML package: its stream names are UTF-16. */
function isEncryptedPackage(data: Uint8Array): boolean {
  const name = 'EncryptedPackage';
  const limit = Math.min(data.length, 4 * 1024 * 1024);
  outer: for (let i = 0; i + name.length * 2 <= limit; i++) {
    for (let j = 0; j < name.length; j++) {
      if (data[i + j * 2] !== name.charCodeAt(j) || data[i + j * 2 + 1] !== 0) continue outer;
    }
    return true;
  }
  return false;
}

const utf8 = new TextDecoder('utf-8', { fatal: false });
const utf16le = new TextDecoder('utf-16le');
const utf16be = new TextDecoder('utf-16be');
const encoder = new TextEncoder();

/** A part's text: UTF-8 (with or without a byte-order mark) or UTF-16 with one. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16le.decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16be.decode(bytes.subarray(2));
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return utf8.decode(bytes.subarray(3));
  return utf8.decode(bytes);
}

/** Part names are compared as OPC does: without a leading `/`, ignoring ASCII case. */
function key(path: string): string {
  return path.replace(/^\/+/, '').toLowerCase();
}

/** One .xlsx package in memory. */
export class XlsxPackage {
  /** Parts in the zip's order, by name as written. */
  private readonly order: string[] = [];
  private readonly parts = new Map<string, { name: string; bytes: Uint8Array; changed: boolean }>();
  private readonly texts = new Map<string, string>();
  private readonly removed = new Set<string>();

  private constructor() {}

  /** A package with no parts (for a new workbook). */
  static empty(): XlsxPackage {
    return new XlsxPackage();
  }

  /**
   * Opens a file's bytes as a package, refusing what is not one before inflating it.
   *
   * @throws {PackageError} naming what the bytes are instead (an encrypted workbook, .xls,
   *   .xlsb, .ods, Strict OOXML is told by the caller from the workbook part), or which
   *   limit a part breaks
   */
  static read(data: Uint8Array): XlsxPackage {
    if (data.length === 0) throw new PackageError('empty', 'the file is empty');
    if (startsWith(data, CFB_SIGNATURE)) {
      if (isEncryptedPackage(data)) {
        throw new PackageError('encrypted', 'it is protected with a password (an encrypted workbook)');
      }
      throw new PackageError('xls', 'it is an Excel 97–2003 workbook (.xls)');
    }
    if (startsWith(data, EMPTY_ZIP_SIGNATURE)) throw new PackageError('corrupt', 'it is an empty zip archive');
    if (!startsWith(data, ZIP_SIGNATURE)) throw new PackageError('not-a-zip', 'its content is not a workbook package');

    let total = 0;
    let count = 0;
    const declared = new Map<string, number>();
    let unzipped: Unzipped;
    try {
      unzipped = unzipSync(data, {
        filter: (file: UnzipFileInfo) => {
          count++;
          if (count > LIMITS.parts) throw new PackageError('too-large', `it has more than ${LIMITS.parts} parts`);
          if (file.name.endsWith('/')) return false;
          if (file.compression !== 0 && file.compression !== 8) {
            throw new PackageError('corrupt', `a part is compressed with method ${file.compression}, which a workbook does not use`, file.name);
          }
          if (file.originalSize > LIMITS.part) {
            throw new PackageError('too-large', `a part inflates to more than ${LIMITS.part / 1024 / 1024} MiB`, file.name);
          }
          if (file.originalSize > 1024 * 1024 && file.originalSize > file.size * LIMITS.ratio) {
            throw new PackageError('too-large', `a part inflates more than ${LIMITS.ratio} times its size (a zip bomb?)`, file.name);
          }
          total += file.originalSize;
          if (total > LIMITS.total) {
            throw new PackageError('too-large', `its parts inflate to more than ${LIMITS.total / 1024 / 1024} MiB`);
          }
          declared.set(file.name, file.originalSize);
          return true;
        },
      });
    } catch (error) {
      if (error instanceof PackageError) throw error;
      throw new PackageError('corrupt', `the zip archive is damaged: ${error instanceof Error ? error.message : String(error)}`);
    }
    const pkg = new XlsxPackage();
    for (const [name, bytes] of Object.entries(unzipped)) {
      if (bytes.length !== declared.get(name)) {
        throw new PackageError('corrupt', 'a part is not the size its zip entry declares', name);
      }
      if (pkg.parts.has(key(name))) throw new PackageError('corrupt', 'two parts have the same name', name);
      pkg.order.push(name);
      pkg.parts.set(key(name), { name, bytes, changed: false });
    }
    return pkg;
  }

  /** Every part's name, in the zip's order (new parts last). */
  paths(): string[] {
    return this.order.filter((name) => this.parts.has(key(name)));
  }

  has(path: string): boolean {
    return this.parts.has(key(path));
  }

  /** The part's name as the zip spells it. */
  nameOf(path: string): string | undefined {
    return this.parts.get(key(path))?.name;
  }

  bytes(path: string): Uint8Array | undefined {
    return this.parts.get(key(path))?.bytes;
  }

  /**
   * The part's text (decoded once and kept).
   *
   * @throws {PackageError} `missing-part` when there is no such part
   */
  text(path: string): string {
    const k = key(path);
    const cached = this.texts.get(k);
    if (cached !== undefined) return cached;
    const part = this.parts.get(k);
    if (!part) throw new PackageError('missing-part', 'a part the workbook refers to is missing', path.replace(/^\/+/, ''));
    const text = decodeText(part.bytes);
    this.texts.set(k, text);
    return text;
  }

  /** Adds or replaces a part (text is written as UTF-8). */
  set(path: string, data: string | Uint8Array): void {
    const k = key(path);
    const existing = this.parts.get(k);
    const name = existing?.name ?? path.replace(/^\/+/, '');
    const bytes = typeof data === 'string' ? encoder.encode(data) : data;
    if (!existing) {
      this.order.push(name);
      this.removed.delete(k);
    }
    this.parts.set(k, { name, bytes, changed: true });
    if (typeof data === 'string') this.texts.set(k, data);
    else this.texts.delete(k);
  }

  remove(path: string): void {
    const k = key(path);
    if (!this.parts.has(k)) return;
    this.parts.delete(k);
    this.texts.delete(k);
    this.removed.add(k);
  }

  /** Names of the parts set since the package was read (new or replaced). */
  changedPaths(): string[] {
    return this.paths().filter((name) => this.parts.get(key(name))?.changed === true);
  }

  /** Names of parts removed since the package was read. */
  removedPaths(): string[] {
    return [...this.removed];
  }

  /**
   * The package as zip bytes, parts in their order. `level` is the deflate level (1–9);
   * small parts are stored as they compress no better. Level 3 is the default: on a
   * 10,000-award result it deflates in about half the time of level 6 for a file 12% larger.
   */
  toBytes(level: 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 = 3): Uint8Array {
    const files: Zippable = {};
    for (const name of this.paths()) {
      const part = this.parts.get(key(name));
      if (!part) continue;
      files[name] = [part.bytes, { level: part.bytes.length < 64 ? 0 : level }];
    }
    return zipSync(files);
  }
}
