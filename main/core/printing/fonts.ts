import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { GlobalFonts } from '@napi-rs/canvas';

/**
 * The receipt's font: Vazirmatn from the vazirmatn package, medium and bold only (thin
 * strokes vanish on thermal paper). Registered under a family name of our own, so that a
 * Vazirmatn of another version installed on the machine is never picked instead: the
 * receipt must look the same on every terminal.
 */
export const RECEIPT_FONT_FAMILY = 'Mizban Vazirmatn';

export const RECEIPT_FONT_FILES = ['Vazirmatn-Medium.ttf', 'Vazirmatn-Bold.ttf'] as const;

/**
 * The dist/*.cjs bundles are CommonJS: their `require` resolves from the bundle's folder, so
 * the node_modules beside it (or inside app.asar, in the packaged app) is found. Under tsx
 * (tests, benchmarks, development) this module is ESM and has no `require`; `import.meta`
 * would make esbuild warn on every CommonJS build, so it resolves from the working directory,
 * which for those runs is the repository.
 */
function packageRequire(): NodeJS.Require {
  return typeof require === 'function' ? require : createRequire(path.join(process.cwd(), 'package.json'));
}

export function receiptFontPath(file: (typeof RECEIPT_FONT_FILES)[number]): string {
  return packageRequire().resolve(`vazirmatn/fonts/ttf/${file}`);
}

let registered = false;

/**
 * Loads the fonts once per process. From bytes rather than from a path: Skia opens paths
 * itself and cannot see inside app.asar, while Electron's fs can.
 */
export function registerReceiptFonts(): void {
  if (registered) return;
  for (const file of RECEIPT_FONT_FILES) {
    const key = GlobalFonts.register(fs.readFileSync(receiptFontPath(file)), RECEIPT_FONT_FAMILY);
    if (!key) throw new Error(`the receipt font ${file} could not be loaded`);
  }
  registered = true;
}
