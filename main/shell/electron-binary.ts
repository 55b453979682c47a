import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * Where the Electron binary is, without the side effect of the electron package's own
 * lookup (which starts a download when the binary is missing). ELECTRON_PATH wins.
 */
export function findElectronBinary(env: NodeJS.ProcessEnv = process.env, from: string = process.cwd()): string | null {
  if (env.ELECTRON_PATH) return fs.existsSync(env.ELECTRON_PATH) ? env.ELECTRON_PATH : null;
  let packageDir: string;
  try {
    packageDir = path.dirname(createRequire(path.join(from, 'package.json')).resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = path.join(packageDir, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const binary = path.join(packageDir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(binary) ? binary : null;
}

export const NO_ELECTRON_NOTICE = `Mizban: no Electron binary is installed here, so the app opens in the Chromium shell instead
(the same renderer and core, with Debian's Chromium in place of Electron's window). Electron's
npm package fetches its binary on first run from the internet, which this machine cannot reach.
To run the real Electron shell, run \`npx install-electron\` where the internet is reachable, or
set ELECTRON_MIRROR to a mirror your agency runs before you do, or point ELECTRON_PATH at an
Electron binary that is already on the machine; then run \`npm start\` again.`;
