import path from 'node:path';
import { calendarHandlers } from './calendar/handlers';
import { CalendarStore } from './calendar/store';
import { catalogueHandlers } from './catalogue/handlers';
import { loadSampleCatalogue } from './catalogue/sample';
import { openDatabase, schemaVersion, type Db } from './db/connection';
import { EventBus } from './events';
import { ActivityBoard } from './kiosk/activity';
import { kioskHandlers } from './kiosk/handlers';
import { logHandlers } from './logs/handlers';
import { RotatingLog, type Logger } from './logs/rotating-log';
import { runStartupChecks, type StartupReport } from './recovery/startup';
import { createRouter, type Handlers, type Router } from './router';
import { requestHandlers } from './requests/handlers';
import { ensureQuestionnaires } from './survey/definitions';
import { surveyHandlers } from './survey/handlers';
import { readSettings, writeSetting } from './settings/store';

export interface CoreOptions {
  dbPath: string;
  appVersion: string;
  log?: (message: string, error?: unknown) => void;
  /** A new database gets the sample catalogue unless this is false (`mizban db init --empty`). */
  sampleCatalogue?: boolean;
  /** The clock; tests set it. */
  now?: () => Date;
  /** The rotating log's folder: by default `logs` next to the database (the user data folder). */
  logDir?: string;
}

export interface Core {
  router: Router;
  db: Db;
  bus: EventBus;
  dbPath: string;
  /** The terminal's rotating log; the Electron shell writes crashes and updates to it too. */
  logger: Logger;
  /** What the faces report about a request in progress: the update gate reads it. */
  activity: ActivityBoard;
  /** The database check and the print jobs found unfinished when this core opened. */
  startup: StartupReport;
  close(): void;
}

/** The whole behaviour of a terminal behind one router: what Electron and the Chromium shell both bind. */
export function openCore(options: CoreOptions): Core {
  const db = openCoreDatabase(options.dbPath, options.sampleCatalogue ?? true);
  const calendar = new CalendarStore(db);
  const settings = () => readSettings(db);
  const bus = new EventBus();
  const log = options.log ?? ((message, error) => console.error(`[mizban] ${message}`, error ?? ''));
  const logger = new RotatingLog({ dir: options.logDir ?? path.join(path.dirname(options.dbPath), 'logs') });
  const startup = runStartupChecks(db, logger);
  const activity = new ActivityBoard();

  const handlers: Handlers = {
    'system.health': () => ({
      appVersion: options.appVersion,
      database: { path: options.dbPath, schemaVersion: schemaVersion(db) },
      printer: { status: 'not_configured' },
    }),
    'settings.get': () => settings(),
    'settings.set': (change, caller) => {
      const settings = writeSetting(db, change, caller.actor);
      bus.emit({ type: 'settings.changed', settings });
      return settings;
    },
    ...kioskHandlers({ db, bus, logger, activity, now: options.now }),
    ...logHandlers(logger, options.now),
    ...catalogueHandlers(db),
    ...calendarHandlers(db, settings),
    ...requestHandlers(db, calendar, settings, bus, options.now),
    ...surveyHandlers(db, settings, bus, options.now),
  };

  return {
    router: createRouter(handlers, bus, (message, error) => {
      logger.error('core.fault', message, error);
      log(message, error);
    }),
    db,
    bus,
    dbPath: options.dbPath,
    logger,
    activity,
    startup,
    close: () => db.close(),
  };
}

/**
 * The terminal's database, migrated, with the shipped questionnaires; a new one holds the
 * sample catalogue unless told otherwise.
 */
export function openCoreDatabase(dbPath: string, sampleCatalogue: boolean): Db {
  const db = openDatabase(dbPath, { onCreate: sampleCatalogue ? loadSampleCatalogue : undefined });
  ensureQuestionnaires(db);
  return db;
}
