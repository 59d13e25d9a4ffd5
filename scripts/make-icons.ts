/**
 * `npx tsx scripts/make-icons.ts`: draws the toolbar icon (lines of text, one underlined as
 * Backstory underlines a name) at each size the manifest lists, as PNG files in assets/icons/.
 * Run once when the design changes; the PNGs are committed.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { deflateSync } from "node:zlib";

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes: Uint8Array) => {
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type: string, data: Uint8Array) => {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, "ascii");
  Buffer.from(data).copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
};

/** Coverage of a rounded rectangle at a pixel, sampled 4×4 for smooth edges. */
function roundedRect(x: number, y: number, r: { x0: number; y0: number; x1: number; y1: number; radius: number }) {
  let hits = 0;
  for (let sy = 0; sy < 4; sy++) {
    for (let sx = 0; sx < 4; sx++) {
      const px = x + (sx + 0.5) / 4;
      const py = y + (sy + 0.5) / 4;
      const cx = Math.min(Math.max(px, r.x0 + r.radius), r.x1 - r.radius);
      const cy = Math.min(Math.max(py, r.y0 + r.radius), r.y1 - r.radius);
      if (px >= r.x0 && px <= r.x1 && py >= r.y0 && py <= r.y1 && (px - cx) ** 2 + (py - cy) ** 2 <= r.radius ** 2) hits++;
    }
  }
  return hits / 16;
}

function drawIcon(size: number): Buffer {
  const s = size / 128;
  const background = { x0: 4 * s, y0: 4 * s, x1: 124 * s, y1: 124 * s, radius: 26 * s };
  // Three lines of "text", right-aligned like Arabic, and an underline under the middle name.
  const bars = [
    { x0: 26 * s, y0: 30 * s, x1: 102 * s, y1: 42 * s, radius: 6 * s, color: [255, 255, 255, 150] },
    { x0: 46 * s, y0: 56 * s, x1: 102 * s, y1: 68 * s, radius: 6 * s, color: [255, 255, 255, 255] },
    { x0: 46 * s, y0: 76 * s, x1: 102 * s, y1: 84 * s, radius: 4 * s, color: [250, 204, 21, 255] },
    { x0: 26 * s, y0: 96 * s, x1: 84 * s, y1: 108 * s, radius: 6 * s, color: [255, 255, 255, 150] },
  ];
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const a = roundedRect(x, y, background);
      let rgb = [29, 78, 216];
      for (const bar of bars) {
        const cover = roundedRect(x, y, bar) * (bar.color[3]! / 255);
        rgb = rgb.map((c, i) => c * (1 - cover) + bar.color[i]! * cover);
      }
      const at = y * (size * 4 + 1) + 1 + x * 4;
      raw[at] = Math.round(rgb[0]!);
      raw[at + 1] = Math.round(rgb[1]!);
      raw[at + 2] = Math.round(rgb[2]!);
      raw[at + 3] = Math.round(a * 255);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8;
  header[9] = 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", new Uint8Array()),
  ]);
}

const folder = path.resolve(import.meta.dirname, "../assets/icons");
for (const size of [16, 32, 48, 128]) writeFileSync(path.join(folder, `icon-${size}.png`), drawIcon(size));
console.log(`wrote icons to ${folder}`);
