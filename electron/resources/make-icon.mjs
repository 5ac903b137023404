#!/usr/bin/env node
/**
 * Draws the app icon (icon.png, 512×512) with pngjs: a rounded tile with three
 * components joined by connections, the app's subject in one glance.
 * electron-builder derives the .icns and .ico from this PNG.
 * Run: node electron/resources/make-icon.mjs
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';

const SIZE = 512;
const png = new PNG({ width: SIZE, height: SIZE });

/** Coverage (0..1) of a pixel by a shape given as a signed distance (negative inside), for smooth edges. */
const coverage = (distance) => Math.max(0, Math.min(1, 0.5 - distance));

const blend = (x, y, [r, g, b], alpha) => {
  if (alpha <= 0) return;
  const i = (y * SIZE + x) * 4;
  const a0 = png.data[i + 3] / 255;
  const a = alpha + a0 * (1 - alpha);
  for (const [k, c] of [r, g, b].entries()) png.data[i + k] = Math.round((c * alpha + png.data[i + k] * a0 * (1 - alpha)) / a);
  png.data[i + 3] = Math.round(a * 255);
};

const roundedRect = (px, py, x0, y0, x1, y1, radius) => {
  const dx = Math.max(x0 + radius - px, 0, px - (x1 - radius));
  const dy = Math.max(y0 + radius - py, 0, py - (y1 - radius));
  return Math.hypot(dx, dy) - radius;
};

const segment = (px, py, [ax, ay], [bx, by]) => {
  const t = Math.max(0, Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay)));
};

const top = [256, 150];
const left = [150, 350];
const right = [362, 350];
const boxes = [top, left, right];

for (let y = 0; y < SIZE; y++) {
  for (let x = 0; x < SIZE; x++) {
    const px = x + 0.5;
    const py = y + 0.5;
    // Tile: a blue-to-indigo gradient.
    const t = py / SIZE;
    blend(
      x,
      y,
      [Math.round(37 + 40 * t), Math.round(99 - 40 * t), Math.round(235 - 10 * t)],
      coverage(roundedRect(px, py, 24, 24, 488, 488, 96)),
    );
    // Connections.
    const line = Math.min(segment(px, py, top, left), segment(px, py, top, right), segment(px, py, left, right));
    blend(x, y, [255, 255, 255], 0.85 * coverage(line - 9));
    // Components: white rounded boxes with a coloured core.
    for (const [cx, cy] of boxes) {
      blend(x, y, [255, 255, 255], coverage(roundedRect(px, py, cx - 62, cy - 44, cx + 62, cy + 44, 18)));
      blend(x, y, [37, 99, 235], coverage(roundedRect(px, py, cx - 38, cy - 10, cx + 38, cy + 10, 10)));
    }
  }
}

writeFileSync(join(import.meta.dirname, 'icon.png'), PNG.sync.write(png));
console.log('wrote electron/resources/icon.png');
