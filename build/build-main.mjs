// Bundles the Node side: the Electron main process and its preload (CommonJS, as the
// sandboxed preload must be), the Chromium-shell launcher behind `npm start`, and the
// `mizban` command line. The renderer is built by Vite (renderer/vite.config.ts).
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  loader: { '.sql': 'text' },
  // Native and browser-driving packages stay in node_modules (their .node binaries cannot be
  // bundled); electron is the runtime's own.
  external: ['electron', 'better-sqlite3', 'playwright-core', '@napi-rs/canvas', 'serialport', '@serialport/*'],
};

await Promise.all([
  build({ ...common, entryPoints: ['main/index.ts'], outfile: 'dist/main/index.cjs' }),
  build({ ...common, entryPoints: ['main/preload.ts'], outfile: 'dist/main/preload.cjs', sourcemap: false }),
  build({ ...common, entryPoints: ['main/shell/start.ts'], outfile: 'dist/main/start.cjs' }),
  build({
    ...common,
    entryPoints: ['main/cli/mizban.ts'],
    outfile: 'dist/cli/mizban.cjs',
    banner: { js: '#!/usr/bin/env node' },
  }),
]);
