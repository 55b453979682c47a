// `npm run dist`: the installers (electron-builder.yml: Windows NSIS, Linux AppImage and deb),
// built on a machine that can download Electron. Where it cannot, it fails with one clear
// message instead of electron-builder's stack trace. Arguments go to electron-builder:
// `npm run dist -- --win`, `npm run dist -- --linux deb`.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { classifyDistFailure, downloadFailureMessage } from './dist-failure';

const root = path.resolve(import.meta.dirname, '..');
const modules = path.join(root, 'node_modules');

/**
 * electron-builder rebuilds native modules for Electron in place, in node_modules: after it,
 * Node (the tests, the CLI, the Chromium shell) could no longer load them. Their `build`
 * folders are kept aside and put back afterwards, whatever happened.
 */
function nativeBuildFolders(): string[] {
  const found: string[] = [];
  const visit = (dir: string) => {
    if (fs.existsSync(path.join(dir, 'binding.gyp')) && fs.existsSync(path.join(dir, 'build'))) {
      found.push(path.join(dir, 'build'));
    }
  };
  for (const name of fs.readdirSync(modules)) {
    if (name.startsWith('.')) continue;
    if (name.startsWith('@'))
      for (const sub of fs.readdirSync(path.join(modules, name))) visit(path.join(modules, name, sub));
    else visit(path.join(modules, name));
  }
  return found;
}

function keepAside(folders: string[]): () => void {
  const store = fs.mkdtempSync(path.join(os.tmpdir(), 'mizban-dist-'));
  const kept = folders.map((folder, i) => {
    const copy = path.join(store, String(i));
    fs.cpSync(folder, copy, { recursive: true });
    return { folder, copy };
  });
  return () => {
    for (const { folder, copy } of kept) {
      fs.rmSync(folder, { recursive: true, force: true });
      fs.cpSync(copy, folder, { recursive: true });
    }
    fs.rmSync(store, { recursive: true, force: true });
  };
}

function electronVersion(): string {
  const file = path.join(modules, 'electron', 'package.json');
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version : '?';
}

async function main(): Promise<number> {
  const build = spawnSync('npm', ['run', 'build'], {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (build.status !== 0) return build.status ?? 1;

  const restore = keepAside(nativeBuildFolders());
  // Native modules must be built against Electron's headers, never Node's (an npm `nodedir`
  // setting would make node-gyp use these and "succeed" with the wrong ABI).
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (key.toLowerCase() === 'npm_config_nodedir') delete env[key];
  let output = '';
  const code = await new Promise<number>((resolve) => {
    const child = spawn(
      process.execPath,
      [path.join(modules, 'electron-builder', 'cli.js'), '--publish', 'never', ...process.argv.slice(2)],
      { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let pending = '';
    const take = (chunk: Buffer) => {
      const text = chunk.toString();
      output += text;
      // Progress lines as they come ("  • building target=nsis"); errors are told at the end.
      const lines = (pending + text).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) if (/^\s+•/.test(line)) console.log(line);
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('error', (error) => {
      output += String(error);
      resolve(1);
    });
    child.on('close', (status) => resolve(status ?? 1));
  });
  restore();
  fs.mkdirSync(path.join(root, 'release'), { recursive: true });
  fs.writeFileSync(path.join(root, 'release', 'dist.log'), output);

  if (code === 0) {
    console.log('\nThe installers are in release/.');
    return 0;
  }
  const failure = classifyDistFailure(output);
  if (failure.kind === 'download') console.error('\n' + downloadFailureMessage(failure.what, electronVersion()));
  else console.error(`\nnpm run dist: electron-builder failed:\n${failure.lines.join('\n')}`);
  return 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`npm run dist: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
