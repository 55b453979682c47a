import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { Ajv } from 'ajv';
import { load } from 'js-yaml';

const root = path.resolve(import.meta.dirname, '../..');
const schema = JSON.parse(
  fs.readFileSync(path.join(root, 'node_modules/app-builder-lib/scheme.json'), 'utf8'),
) as object;
const config = load(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

test('electron-builder.yml passes app-builder-lib schema', () => {
  assert.equal(validate(config), true, JSON.stringify(validate.errors, null, 2));
});

test('the schema refuses an unknown key and a wrong type, so the check above can fail', () => {
  assert.equal(validate({ ...config, appid: 'ir.mizban.terminal' }), false);
  assert.equal(validate({ ...config, npmRebuild: 'yes' }), false);
  assert.equal(validate({ ...config, electronFuses: { runAsNode: false, runAsNod: false } }), false);
});

test('every fuse is set explicitly', () => {
  assert.deepEqual(config.electronFuses, {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    loadBrowserProcessSpecificV8Snapshot: false,
    grantFileProtocolExtraPrivileges: false,
  });
  // A fuse the schema knows and the config leaves to its default would fail here.
  const definitions = (schema as { definitions: Record<string, { properties: Record<string, unknown> }> }).definitions;
  const fuses = Object.keys(definitions.FuseOptionsV1?.properties ?? {}).filter(
    (key) => key !== 'resetAdHocDarwinSignature', // a macOS signing step, not a fuse
  );
  assert.deepEqual(Object.keys(config.electronFuses as object).sort(), fuses.sort());
});

test('native modules are rebuilt at packaging, from prebuilt binaries, and unpacked from the asar', () => {
  assert.equal(config.npmRebuild, true);
  assert.equal(config.buildDependenciesFromSource, false);
  assert.equal(config.asar, true);
  assert.deepEqual(config.asarUnpack, ['**/*.node', 'node_modules/better-sqlite3/**']);
});

test('identity, folders and files', () => {
  assert.equal(config.appId, 'ir.mizban.terminal');
  assert.equal(config.productName, 'Mizban');
  assert.deepEqual(config.directories, { output: 'release', buildResources: 'build' });
  const files = config.files as string[];
  for (const wanted of [
    'dist/main/index.cjs',
    'dist/main/preload.cjs',
    'dist/renderer/**',
    'package.json',
    'node_modules/**',
    '!**/*.map',
  ])
    assert.ok(files.includes(wanted), wanted);
  assert.ok(!files.some((file) => /^(main|renderer\/src|tests|native)\b/.test(file)), 'no sources or tests');
});

test('Windows: an assisted NSIS installer, x64, that can be installed for the kiosk account alone', () => {
  assert.deepEqual((config.win as { target: unknown }).target, [{ target: 'nsis', arch: ['x64'] }]);
  const nsis = config.nsis as Record<string, unknown>;
  assert.equal(nsis.oneClick, false);
  // Per-user: electron-updater installs an update without elevation, which a kiosk account cannot give.
  assert.equal(nsis.perMachine, false);
});

test("updates: a generic provider (the agency's own server), its address a placeholder the setting replaces", () => {
  assert.deepEqual(config.publish, [{ provider: 'generic', url: 'https://updates.invalid/mizban/' }]);
  const dist = fs.readFileSync(path.join(root, 'build/dist.ts'), 'utf8');
  assert.match(dist, /'--publish', 'never'/, 'npm run dist never publishes');
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
    devDependencies: Record<string, string>;
  };
  assert.equal(pkg.scripts.dist, 'node --import tsx build/dist.ts');
  // Bundled into dist/main/index.cjs by esbuild, so it needs no place in the packaged node_modules.
  assert.ok(pkg.devDependencies['electron-updater']);
});

const built = fs.existsSync(path.join(root, 'dist/main/index.cjs')) && fs.existsSync(path.join(root, 'dist/renderer'));
test(
  'what is packaged carries the font and the sample data: bundled by Vite and esbuild into dist/',
  { skip: built ? false : 'not built: run npm run build' },
  () => {
    const assets = fs.readdirSync(path.join(root, 'dist/renderer/assets'));
    assert.ok(
      assets.some((file) => /^Vazirmatn.*\.woff2$/.test(file)),
      'the Vazirmatn font is in dist/renderer/assets',
    );
    const main = fs.readFileSync(path.join(root, 'dist/main/index.cjs'), 'utf8');
    assert.ok(main.includes('qazvin') || main.includes('Qazvin'), 'the sample catalogue is inside the main bundle');
    assert.ok(main.includes('CREATE TABLE kiosk_exit_pin'), 'the migrations are inside the main bundle');
    assert.ok(!/require\("electron-updater"\)/.test(main), 'electron-updater is bundled, not required at run time');
    const files = config.files as string[];
    assert.ok(files.includes('dist/renderer/**') && files.includes('dist/main/index.cjs'));
  },
);

test('Linux: AppImage and deb for x64, in the Office category, with the kiosk dependencies', () => {
  const linux = config.linux as { target: unknown; category: string };
  assert.deepEqual(linux.target, [
    { target: 'AppImage', arch: ['x64'] },
    { target: 'deb', arch: ['x64'] },
  ]);
  assert.equal(linux.category, 'Office');
  const depends = (config.deb as { depends: string[] }).depends;
  for (const library of ['libnss3', 'libgbm1', 'libxss1']) assert.ok(depends.includes(library), library);
  assert.ok(depends.some((entry) => entry.includes('libgtk-3-0')));
});
