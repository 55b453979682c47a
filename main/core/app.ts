import path from 'node:path';
import { authHandlers } from './auth/handlers';
import { AuthService } from './auth/service';
import { calendarHandlers } from './calendar/handlers';
import { CalendarStore } from './calendar/store';
import { catalogueHandlers } from './catalogue/handlers';
import { saveServiceHandlers } from './catalogue/save';
import { loadSampleCatalogue } from './catalogue/sample';
import { documentHandlers } from './counter/documents';
import { ScannerService } from './devices/scanner';
import { openDatabase, schemaVersion, type Db } from './db/connection';
import { EventBus } from './events';
import { ActivityBoard } from './kiosk/activity';
import { kioskHandlers } from './kiosk/handlers';
import { logHandlers } from './logs/handlers';
import { printingHandlers } from './printing/handlers';
import { recoverUnfinishedJobs } from './printing/jobs';
import { PrintService } from './printing/service';
import { transportFromSettings } from './printing/transports';
import { RotatingLog, type Logger } from './logs/rotating-log';
import { runStartupChecks, type StartupReport } from './recovery/startup';
import { createRouter, type Handlers, type Router } from './router';
import { reportHandlers } from './reports/handlers';
import type { ReportPdfMaker } from './reports/pdf';
import { requestHandlers } from './requests/handlers';
import { RetentionService } from './retention/purge';
import { ensureQuestionnaires } from './survey/definitions';
import { queueSurveySlip } from './printing/survey-slip';
import { surveyHandlers } from './survey/handlers';
import { readSettings, writeSetting } from './settings/store';
import { backupHandlers } from './system/backups';
import type { Settings } from './contract';
import type { PrinterLink } from '../../native/printer/types';

export interface CoreOptions {
  dbPath: string;
  appVersion: string;
  log?: (message: string, error?: unknown) => void;
  /** A new database gets the sample catalogue unless this is false (`mizban db init --empty`). */
  sampleCatalogue?: boolean;
  /** The clock; tests set it. */
  now?: () => Date;
  /** Sign-in's own clock (lock-outs, idle time): tests move it apart from the clock of due dates. */
  authClock?: () => Date;
  /** The rotating log's folder: by default `logs` next to the database (the user data folder). */
  logDir?: string;
  /**
   * The way to the receipt printer; by default the one the settings name (TCP or serial).
   * The Electron shell adds the OS driver; `npm start` may print to the emulator.
   */
  transportFor?: (settings: Settings) => PrinterLink | null;
  /** Prints a report page as a PDF (`reports.pdf`): the shell's Chromium does it; without one, the channel refuses. */
  reportPdf?: ReportPdfMaker;
  /** Where `system.backup` writes: by default `backups` next to the database (the user data folder). */
  backupDir?: string;
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
  printer: PrintService;
  /** Users, sign-in and the session of each window. */
  auth: AuthService;
  /** The daily purge of citizens' personal data from closed requests (the `retention.days` setting). */
  retention: RetentionService;
  /** Stops the printer, scanner and purge loops (a job being sent stays 'printing', as after a crash) and closes the database. */
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
  const startup = runStartupChecks(db, logger, { recoverUnfinishedPrintJobs: recoverUnfinishedJobs });
  const now = options.now ?? (() => new Date());
  const printer = new PrintService({
    db,
    bus,
    settings,
    transportFor: options.transportFor ?? transportFromSettings,
    log: (message, error) => logger.error('print.fault', message, error),
    now,
  });
  const scanner = new ScannerService(bus, settings, (message, error) => logger.warn('scanner', message, error));
  const activity = new ActivityBoard();
  const auth = new AuthService({
    db,
    settings,
    logger,
    now: options.authClock,
    // A clerk signed out in the middle of a walk-in form is no longer busy there: an update may install.
    onSessionEnded: (windowRole) => activity.reset(windowRole, now()),
  });
  const retention = new RetentionService({ db, settings, now, logger });

  const handlers: Handlers = {
    'system.health': () => ({
      appVersion: options.appVersion,
      database: { path: options.dbPath, schemaVersion: schemaVersion(db) },
      printer: { status: printer.lastKnownState() },
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
    ...surveyHandlers(
      db,
      settings,
      bus,
      (trackingCode) => {
        const jobId = queueSurveySlip(db, trackingCode, now());
        printer.wake();
        return jobId;
      },
      options.now,
    ),
    ...printingHandlers(db, printer, settings, now),
    ...reportHandlers({ dbPath: options.dbPath, now: options.now, pdf: options.reportPdf }),
    ...authHandlers(auth),
    ...documentHandlers(db, now),
    ...saveServiceHandlers(db),
    ...backupHandlers({
      db,
      dir: options.backupDir ?? path.join(path.dirname(options.dbPath), 'backups'),
      logger,
      now,
    }),
  };
  // A request just taken has its receipt queued: print it now rather than at the next tick.
  bus.listen((event) => {
    if (event.type === 'queue.changed' && event.status === 'registered') printer.wake();
  });
  printer.start();
  scanner.start();
  retention.start();

  return {
    router: createRouter(
      handlers,
      bus,
      (message, error) => {
        logger.error('core.fault', message, error);
        log(message, error);
      },
      { resolve: (window) => auth.resolve(window), release: (key) => auth.release(key) },
    ),
    db,
    bus,
    dbPath: options.dbPath,
    logger,
    activity,
    startup,
    printer,
    auth,
    retention,
    close: () => {
      printer.stop();
      scanner.stop();
      retention.stop();
      db.close();
    },
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
