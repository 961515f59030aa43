import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { iconFiles } from './icons';

const root = path.resolve(__dirname, '..');
const decode = (file: string) => PNG.sync.read(readFileSync(path.join(root, file)));

function alphas(png: PNG): number[] {
  const values: number[] = [];
  for (let i = 3; i < png.data.length; i += 4) values.push(png.data[i]!);
  return values;
}

describe('app icons', () => {
  it('colour icon is 192x192 and fully opaque (Teams shows it on its own tile)', () => {
    const png = decode('appPackage/color.png');
    expect([png.width, png.height]).toEqual([192, 192]);
    expect(alphas(png).every((a) => a === 255)).toBe(true);
  });

  it('outline icon is 32x32, white only, on a transparent background', () => {
    const png = decode('appPackage/outline.png');
    expect([png.width, png.height]).toEqual([32, 32]);
    const a = alphas(png);
    expect(a.filter((v) => v === 0).length).toBeGreaterThan(a.length / 2);
    expect(a.some((v) => v === 255)).toBe(true);
    for (let i = 0; i < png.data.length; i += 4) {
      if (png.data[i + 3]! > 0) expect([png.data[i], png.data[i + 1], png.data[i + 2]]).toEqual([255, 255, 255]);
    }
    // The corners are background: nothing drawn there.
    for (const [x, y] of [[0, 0], [31, 0], [0, 31], [31, 31]] as const) expect(png.data[(y * 32 + x) * 4 + 3]).toBe(0);
  });

  it('Outlook ribbon and add-in icons have their sizes in pixels', () => {
    for (const size of [16, 32, 64, 80, 128]) {
      const png = decode(`outlook-addin/assets/icon-${size}.png`);
      expect([png.width, png.height]).toEqual([size, size]);
    }
  });

  it('committed icons are exactly what the generator draws (npm run icons)', () => {
    for (const [file, png] of Object.entries(iconFiles())) {
      expect(Buffer.compare(PNG.sync.read(png).data, decode(file).data)).toBe(0);
    }
  });
});
