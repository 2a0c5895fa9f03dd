/**
 * Draws the two Teams app icons as PNGs with zlib only (no image library): a 192×192 colour icon (white
 * speech bubble on the accent colour) and a 32×32 outline icon (white on transparent, as Teams requires).
 * Run: npx tsx scripts/teams-icons.ts
 */
import { writeFileSync } from "node:fs";
import { crc32, deflateSync } from "node:zlib";

type Rgba = [number, number, number, number];
const ACCENT: Rgba = [0x00, 0x5e, 0xb8, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const CLEAR: Rgba = [0, 0, 0, 0];

function png(size: number, pixel: (x: number, y: number) => Rgba): Buffer {
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    rows[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) Buffer.from(pixel(x, y)).copy(rows, y * (size * 4 + 1) + 1 + x * 4);
  }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(rows)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** A rounded speech bubble with a tail, in unit coordinates (0..1). */
function bubble(u: number, v: number): boolean {
  const inBody = u > 0.18 && u < 0.82 && v > 0.22 && v < 0.66;
  const corner = (cx: number, cy: number) => (u - cx) ** 2 + (v - cy) ** 2 < 0.06 ** 2;
  const rounded =
    inBody &&
    !(
      (u < 0.24 && v < 0.28 && !corner(0.24, 0.28)) ||
      (u > 0.76 && v < 0.28 && !corner(0.76, 0.28)) ||
      (u < 0.24 && v > 0.6 && !corner(0.24, 0.6)) ||
      (u > 0.76 && v > 0.6 && !corner(0.76, 0.6))
    );
  const tail = v >= 0.66 && v < 0.82 && u > 0.3 && u < 0.3 + (0.82 - v) * 1.2;
  return rounded || tail;
}

const dir = new URL("../manifest/teams/", import.meta.url);
writeFileSync(
  new URL("color.png", dir),
  png(192, (x, y) => (bubble(x / 192, y / 192) ? WHITE : ACCENT)),
);
writeFileSync(
  new URL("outline.png", dir),
  png(32, (x, y) => (bubble(x / 32, y / 32) ? WHITE : CLEAR)),
);
process.stdout.write("wrote manifest/teams/color.png (192x192) and outline.png (32x32)\n");
