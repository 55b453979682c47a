import settings from './0001_settings.sql';
import calendar from './0002_calendar.sql';
import catalogue from './0003_catalogue.sql';
import requests from './0004_requests.sql';
import survey from './0005_survey.sql';
import kioskExitPin from './0006_kiosk_exit_pin.sql';
import usersAndDocuments from './0007_users_and_documents.sql';
import retention from './0008_retention.sql';
import surveySlip from './0009_survey_slip.sql';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** In order; a migration's version is its file's number and becomes PRAGMA user_version. */
export const migrations: readonly Migration[] = [
  { version: 1, name: '0001_settings', sql: settings },
  { version: 2, name: '0002_calendar', sql: calendar },
  { version: 3, name: '0003_catalogue', sql: catalogue },
  { version: 4, name: '0004_requests', sql: requests },
  { version: 5, name: '0005_survey', sql: survey },
  { version: 6, name: '0006_kiosk_exit_pin', sql: kioskExitPin },
  { version: 7, name: '0007_users_and_documents', sql: usersAndDocuments },
  { version: 8, name: '0008_retention', sql: retention },
  { version: 9, name: '0009_survey_slip', sql: surveySlip },
];
