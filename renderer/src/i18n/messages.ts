import en from './en.json';
import enAdmin from './en.admin.json';
import enCounter from './en.counter.json';
import enReports from './en.reports.json';
import enRequests from './en.requests.json';
import fa from './fa.json';
import faAdmin from './fa.admin.json';
import faCounter from './fa.counter.json';
import faReports from './fa.reports.json';
import faRequests from './fa.requests.json';

/**
 * Each language's words: the common file, and one file per area of the app (so that work on
 * one area never edits another's words). A word is defined in one file only: a test checks.
 */
export type Messages = { [key: string]: string | Messages };

export const MESSAGE_FILES: Record<'fa' | 'en', Record<string, Messages>> = {
  fa: { common: fa, admin: faAdmin, counter: faCounter, reports: faReports, requests: faRequests },
  en: { common: en, admin: enAdmin, counter: enCounter, reports: enReports, requests: enRequests },
};

function merge(into: Messages, from: Messages): Messages {
  for (const [key, value] of Object.entries(from)) {
    const existing = into[key];
    into[key] = typeof value === 'object' && typeof existing === 'object' ? merge({ ...existing }, value) : value;
  }
  return into;
}

export function messages(language: 'fa' | 'en'): Messages {
  return Object.values(MESSAGE_FILES[language]).reduce<Messages>((all, file) => merge(all, file), {});
}
