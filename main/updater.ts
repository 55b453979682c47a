import fs from 'node:fs';
import path from 'node:path';
import { app } from 'electron';
import { autoUpdater } from 'electron-updater';
import type { Settings } from './core/contract';
import type { Core } from './core/app';
import { readSettings } from './core/settings/store';
import { UPDATE_SCHEDULE, updateGate, updaterSupport } from './shell/update-gate';

/**
 * Updates from the agency's own server: electron-updater's generic provider, whose address
 * is the `updates.url` setting (admin face). It looks a minute after the start and every
 * four hours, downloads in the background, and installs only when the update gate
 * (shell/update-gate.ts) says nobody is in the middle of a request. Off when the setting is
 * empty and when running from the sources.
 */
function readPackageType(): string | null {
  try {
    return fs.readFileSync(path.join(process.resourcesPath, 'package-type'), 'utf8').trim() || null;
  } catch {
    return null;
  }
}

export function startUpdater(
  core: Core,
  options: { lastInputAt: () => number | null; beforeInstall: () => void },
): void {
  const log = core.logger;
  const support = updaterSupport({
    platform: process.platform,
    packaged: app.isPackaged,
    packageType: readPackageType(),
    appImage: process.env.APPIMAGE,
  });
  if (!support.enabled) {
    log.info('update.off', support.reason);
    return;
  }
  let url = '';
  let downloaded: string | null = null;
  let installing = false;

  autoUpdater.logger = null;
  autoUpdater.autoDownload = true;
  autoUpdater.autoInstallOnAppQuit = false;
  autoUpdater.allowDowngrade = false;
  autoUpdater.allowPrerelease = false;

  const check = () => {
    if (!url || downloaded || installing) return;
    autoUpdater.checkForUpdates().catch((error: unknown) => {
      log.warn('update.check_failed', `Could not reach the update server ${url}.`, error);
    });
  };
  const configure = (settings: Settings) => {
    if (settings['updates.url'] === url) return;
    url = settings['updates.url'];
    if (!url) {
      log.info('update.off', 'No update server is set.');
      return;
    }
    autoUpdater.setFeedURL({ provider: 'generic', url });
    log.info('update.server', `Updates are looked for at ${url}.`);
    check();
  };

  autoUpdater.on('update-available', (info) =>
    log.info('update.available', `Version ${info.version} is available; downloading.`),
  );
  autoUpdater.on('update-downloaded', (info) => {
    downloaded = info.version;
    log.info(
      'update.downloaded',
      `Version ${info.version} is downloaded; it is installed when nobody is using the terminal.`,
    );
  });
  autoUpdater.on('error', (error) => log.warn('update.error', 'The update failed.', error));

  configure(readSettings(core.db));
  core.bus.subscribe(['admin'], (event) => {
    if (event.type === 'settings.changed') configure(event.settings);
  });
  setTimeout(check, UPDATE_SCHEDULE.firstCheckMs);
  setInterval(check, UPDATE_SCHEDULE.everyMs);
  setInterval(() => {
    if (!downloaded || installing) return;
    const decision = updateGate({
      now: Date.now(),
      activity: core.activity.snapshot(),
      lastInputAt: options.lastInputAt(),
    });
    if (!decision.install) return;
    installing = true;
    log.info('update.installing', `Installing version ${downloaded} and restarting.`);
    options.beforeInstall();
    // Silent, and Mizban starts again afterwards.
    autoUpdater.quitAndInstall(true, true);
  }, UPDATE_SCHEDULE.gatePollMs);
}
