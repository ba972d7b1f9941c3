#!/usr/bin/env node
// Draws the add-in's icons (a pound sign in Office blue on a transparent ground) and
// writes them as PNG files to assets/: icon-16, -32, -64, -80 and -128.
//
//   node scripts/make-icons.mjs [outDir]
//
// No dependencies: the glyph is a few strokes rendered by distance to their centre
// lines with 4x4 supersampling, and the PNG is encoded here (RGBA, zlib from Node).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.resolve(process.argv[2] ?? path.join(projectRoot, 'assets'));
const SIZES = [16, 32, 64, 80, 128];

/** Office blue (#0F6CBD). */
const INK = [0x0f, 0x6c, 0xbd];

// The glyph on a unit square, y pointing down. Strokes are segments and one arc.
const HOOK = { cx: 0.6, cy: 0.3, r: 0.19, from: 200, to: 350 }; // degrees, clockwise on screen
const SEGMENTS = [
  [0.41, 0.3, 0.41, 0.66], // stem, from the hook's left end
  [0.41, 0.66, 0.3, 0.8], // foot curling into the base
  [0.27, 0.81, 0.8, 0.81], // base
  [0.24, 0.52, 0.62, 0.52], // bar
];

function distanceToSegment(px, py, [ax, ay, bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function distanceToArc(px, py, { cx, cy, r, from, to }) {
  let angle = (Math.atan2(py - cy, px - cx) * 180) / Math.PI;
  if (angle < 0) angle += 360;
  if (angle >= from && angle <= to) return Math.abs(Math.hypot(px - cx, py - cy) - r);
  const end = (deg) => [cx + r * Math.cos((deg * Math.PI) / 180), cy + r * Math.sin((deg * Math.PI) / 180)];
  const [ax, ay] = end(from);
  const [bx, by] = end(to);
  return Math.min(Math.hypot(px - ax, py - ay), Math.hypot(px - bx, py - by));
}

function distanceToGlyph(x, y) {
  let d = distanceToArc(x, y, HOOK);
  for (const segment of SEGMENTS) d = Math.min(d, distanceToSegment(x, y, segment));
  return d;
}

/** RGBA pixels of the glyph at `size` pixels square. */
function draw(size) {
  // Thicker strokes (relative to the square) at small sizes so that they stay 2px wide.
  const halfWidth = Math.max(0.055, 1.05 / size);
  const samples = 4;
  const pixels = Buffer.alloc(size * size * 4);
  for (let row = 0; row < size; row += 1) {
    for (let col = 0; col < size; col += 1) {
      let covered = 0;
      for (let sy = 0; sy < samples; sy += 1) {
        for (let sx = 0; sx < samples; sx += 1) {
          const x = (col + (sx + 0.5) / samples) / size;
          const y = (row + (sy + 0.5) / samples) / size;
          if (distanceToGlyph(x, y) <= halfWidth) covered += 1;
        }
      }
      const offset = (row * size + col) * 4;
      pixels[offset] = INK[0];
      pixels[offset + 1] = INK[1];
      pixels[offset + 2] = INK[2];
      pixels[offset + 3] = Math.round((255 * covered) / (samples * samples));
    }
  }
  return pixels;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A PNG file (8-bit RGBA, no interlace) of a square image. */
function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  // compression, filter and interlace methods stay 0
  const stride = size * 4;
  const scanlines = Buffer.alloc(size * (stride + 1));
  for (let row = 0; row < size; row += 1) {
    scanlines[row * (stride + 1)] = 0; // filter: none
    rgba.copy(scanlines, row * (stride + 1) + 1, row * stride, (row + 1) * stride);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(scanlines, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync(outDir, { recursive: true });
for (const size of SIZES) {
  const file = path.join(outDir, `icon-${size}.png`);
  writeFileSync(file, encodePng(size, draw(size)));
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
