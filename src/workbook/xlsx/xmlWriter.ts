/**
 * The one small XML writer for the parts we write whole: markup and escaped text put
 * straight into a growing UTF-8 byte buffer, so a sheet of 30,000 rows is never built
 * as thousands of intermediate strings and then encoded again. Escaping is done once,
 * by `escapeXml`, and only for text that needs it.
 *
 * Browser-safe: Uint8Array and TextEncoder only.
 */
import { escapeXml } from './xml';

// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const NEEDS_ESCAPE = /[&<>"'_\u0000-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** Text escaped for XML, skipping the work for the (usual) text that needs none. */
export function escapeText(text: string): string {
  return NEEDS_ESCAPE.test(text) ? escapeXml(text) : text;
}

const encoder = new TextEncoder();

/** Text longer than this is encoded natively; shorter, a loop beats the call. */
const LONG = 32;

export class XmlWriter {
  private buffer: Uint8Array;
  private at = 0;

  constructor(capacity = 64 * 1024) {
    this.buffer = new Uint8Array(capacity);
  }

  /** Markup as given (already escaped, or needing none), as UTF-8. */
  raw(markup: string): this {
    const length = markup.length;
    if (this.at + length * 3 > this.buffer.length) this.grow(length * 3);
    if (length > LONG) {
      this.encodeRest(markup, 0);
      return this;
    }
    const buffer = this.buffer;
    let at = this.at;
    for (let i = 0; i < length; i++) {
      const code = markup.charCodeAt(i);
      if (code >= 0x80) {
        this.at = at;
        this.encodeRest(markup, i);
        return this;
      }
      buffer[at++] = code;
    }
    this.at = at;
    return this;
  }

  /** Text for element content or a double-quoted attribute, escaped. */
  text(value: string): this {
    return this.raw(escapeText(value));
  }

  /** A non-negative whole number's digits. */
  int(value: number): this {
    if (value < 10) {
      if (this.at + 1 > this.buffer.length) this.grow(1);
      this.buffer[this.at++] = 48 + value;
      return this;
    }
    return this.raw(String(value));
  }

  /**
   * A finite number as the shortest text that reads back as the same double. Whole
   * numbers and amounts in pence (most of what we write) skip the general, slower
   * double-to-text conversion: `1234.5` is written from its pence, 123450.
   */
  number(value: number): this {
    const pence = Math.round(value * 100);
    if (pence / 100 !== value || pence > Number.MAX_SAFE_INTEGER || pence < -Number.MAX_SAFE_INTEGER || Object.is(value, -0)) {
      return this.raw(String(value));
    }
    const magnitude = Math.abs(pence);
    const pounds = Math.floor(magnitude / 100);
    const rest = magnitude - pounds * 100;
    if (pence < 0) this.raw('-');
    this.raw(String(pounds));
    if (rest === 0) return this;
    if (rest % 10 === 0) return this.raw('.').int(rest / 10);
    return this.raw(rest < 10 ? '.0' : '.').raw(String(rest));
  }

  /** Bytes written so far. */
  get length(): number {
    return this.at;
  }

  /** Makes room for `extra` more bytes at once (one copy instead of several doublings). */
  reserve(extra: number): void {
    if (this.at + extra > this.buffer.length) this.grow(extra);
  }

  /**
   * The bytes written so far; the writer gives up its buffer. A view of it, unless that
   * would keep much unused room alive with the part.
   */
  bytes(): Uint8Array {
    const bytes = this.buffer.length > this.at * 1.25 + 4096 ? this.buffer.slice(0, this.at) : this.buffer.subarray(0, this.at);
    this.buffer = new Uint8Array(0);
    this.at = 0;
    return bytes;
  }

  private encodeRest(markup: string, from: number): void {
    const { written } = encoder.encodeInto(from === 0 ? markup : markup.slice(from), this.buffer.subarray(this.at));
    this.at += written;
  }

  private grow(extra: number): void {
    const next = new Uint8Array(Math.max(this.buffer.length * 2, this.at + extra + (this.at >> 3)));
    next.set(this.buffer.subarray(0, this.at));
    this.buffer = next;
  }
}
