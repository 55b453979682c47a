import settings from './0001_settings.sql';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** In order; a migration's version is its file's number and becomes PRAGMA user_version. */
export const migrations: readonly Migration[] = [{ version: 1, name: '0001_settings', sql: settings }];
