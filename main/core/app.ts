import { openDatabase, schemaVersion, type Db } from './db/connection';
import { EventBus } from './events';
import { createRouter, type Handlers, type Router } from './router';
import { readSettings, writeSetting } from './settings/store';

export interface CoreOptions {
  dbPath: string;
  appVersion: string;
  log?: (message: string, error?: unknown) => void;
}

export interface Core {
  router: Router;
  db: Db;
  bus: EventBus;
  dbPath: string;
  close(): void;
}

/** The whole behaviour of a terminal behind one router: what Electron and the Chromium shell both bind. */
export function openCore(options: CoreOptions): Core {
  const db = openDatabase(options.dbPath);
  const bus = new EventBus();
  const log = options.log ?? ((message, error) => console.error(`[mizban] ${message}`, error ?? ''));

  const handlers: Handlers = {
    'system.health': () => ({
      appVersion: options.appVersion,
      database: { path: options.dbPath, schemaVersion: schemaVersion(db) },
      printer: { status: 'not_configured' },
    }),
    'settings.get': () => readSettings(db),
    'settings.set': (change, caller) => {
      const settings = writeSetting(db, change, caller.actor);
      bus.emit({ type: 'settings.changed', settings });
      return settings;
    },
  };

  return {
    router: createRouter(handlers, bus, log),
    db,
    bus,
    dbPath: options.dbPath,
    close: () => db.close(),
  };
}
