import { PNG } from 'pngjs';

/**
 * Upward's icons, drawn from geometry so every size is crisp and they can be regenerated
 * (`npm run icons`). The mark is a person lifting upward: a head above a rising chevron, with a
 * smaller chevron below it for the one who lifts. The committed PNGs are this code's output; a
 * test keeps them in step.
 */
export const ACCENT = { r: 0x2f, g: 0x4f, b: 0xb5 } as const;

type Point = readonly [number, number];
type Stroke = { points: readonly Point[]; width: number; opacity: number };
type Mark = { head: { centre: Point; radius: number }; strokes: readonly Stroke[] };

const fullMark: Mark = {
  head: { centre: [0.5, 0.24], radius: 0.09 },
  strokes: [
    { points: [[0.22, 0.62], [0.5, 0.4], [0.78, 0.62]], width: 0.13, opacity: 1 },
    { points: [[0.32, 0.84], [0.5, 0.7], [0.68, 0.84]], width: 0.1, opacity: 0.7 },
  ],
};
// At 16 and 32 pixels the second chevron turns to mush, so the small icons keep only the person.
const simpleMark: Mark = { head: { centre: [0.5, 0.22], radius: 0.12 }, strokes: [{ points: [[0.18, 0.8], [0.5, 0.53], [0.82, 0.8]], width: 0.17, opacity: 1 }] };

function distanceToSegment([px, py]: Point, [ax, ay]: Point, [bx, by]: Point): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Opacity of the mark at a point of the unit square (0 outside, 1 on the strongest part). */
function markOpacity(mark: Mark, p: Point): number {
  if (Math.hypot(p[0] - mark.head.centre[0], p[1] - mark.head.centre[1]) <= mark.head.radius) return 1;
  let opacity = 0;
  for (const stroke of mark.strokes) {
    for (let i = 1; i < stroke.points.length; i++) {
      if (distanceToSegment(p, stroke.points[i - 1]!, stroke.points[i]!) <= stroke.width / 2) opacity = Math.max(opacity, stroke.opacity);
    }
  }
  return opacity;
}

const SUPERSAMPLE = 4;

/** Average of a function over a pixel, sampled on a 4x4 grid (anti-aliasing). */
function coverage(size: number, x: number, y: number, at: (p: Point) => number): number {
  let sum = 0;
  for (let sy = 0; sy < SUPERSAMPLE; sy++) {
    for (let sx = 0; sx < SUPERSAMPLE; sx++) {
      sum += at([(x + (sx + 0.5) / SUPERSAMPLE) / size, (y + (sy + 0.5) / SUPERSAMPLE) / size]);
    }
  }
  return sum / (SUPERSAMPLE * SUPERSAMPLE);
}

/** The mark scaled by `scale` about the centre of the unit square. */
function scaled(mark: Mark, scale: number): (p: Point) => number {
  return ([x, y]) => markOpacity(mark, [0.5 + (x - 0.5) / scale, 0.5 + (y - 0.5) / scale]);
}

function insideRoundedSquare([x, y]: Point, radius: number): boolean {
  const cx = Math.min(Math.max(x, radius), 1 - radius);
  const cy = Math.min(Math.max(y, radius), 1 - radius);
  return Math.hypot(x - cx, y - cy) <= radius;
}

function render(size: number, pixel: (x: number, y: number) => { r: number; g: number; b: number; a: number }): Buffer {
  const png = new PNG({ width: size, height: size, colorType: 6 });
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const { r, g, b, a } = pixel(x, y);
      const i = (y * size + x) * 4;
      png.data[i] = Math.round(r);
      png.data[i + 1] = Math.round(g);
      png.data[i + 2] = Math.round(b);
      png.data[i + 3] = Math.round(a * 255);
    }
  }
  return PNG.sync.write(png, { colorType: 6 });
}

const blend = (from: number, to: number, amount: number) => from + (to - from) * amount;

/**
 * Teams colour icon: full-bleed accent background, white mark kept inside the central 120x120
 * of 192x192 that Teams leaves uncropped.
 */
export function drawColorIcon(size = 192): Buffer {
  const mark = scaled(fullMark, 0.62);
  return render(size, (x, y) => {
    const m = coverage(size, x, y, mark);
    return { r: blend(ACCENT.r, 255, m), g: blend(ACCENT.g, 255, m), b: blend(ACCENT.b, 255, m), a: 1 };
  });
}

/** Teams outline icon: white mark on a transparent background, nothing else (Teams tints it). */
export function drawOutlineIcon(size = 32): Buffer {
  const mark = scaled(simpleMark, 0.9);
  return render(size, (x, y) => ({ r: 255, g: 255, b: 255, a: coverage(size, x, y, mark) }));
}

/** Outlook ribbon icon: white mark on an accent rounded square, transparent corners. */
export function drawAddinIcon(size: number): Buffer {
  const mark = scaled(size < 48 ? simpleMark : fullMark, size < 48 ? 0.8 : 0.7);
  return render(size, (x, y) => {
    const tile = coverage(size, x, y, (p) => (insideRoundedSquare(p, 0.2) ? 1 : 0));
    const m = coverage(size, x, y, mark);
    return { r: blend(ACCENT.r, 255, m), g: blend(ACCENT.g, 255, m), b: blend(ACCENT.b, 255, m), a: tile };
  });
}

/** Every icon file Upward ships, by path from the repository root. */
export function iconFiles(): Record<string, Buffer> {
  return {
    'appPackage/color.png': drawColorIcon(),
    'appPackage/outline.png': drawOutlineIcon(),
    'outlook-addin/assets/icon-16.png': drawAddinIcon(16),
    'outlook-addin/assets/icon-32.png': drawAddinIcon(32),
    'outlook-addin/assets/icon-80.png': drawAddinIcon(80),
    // The add-in's own icons, from which the XML manifest for Outlook on Mac, mobile and older Windows is generated.
    'outlook-addin/assets/icon-64.png': drawAddinIcon(64),
    'outlook-addin/assets/icon-128.png': drawAddinIcon(128),
  };
}
