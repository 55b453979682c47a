import { z } from 'zod';
import { ADMIN_ERROR_CODES } from './admin';
import { AUTH_ERROR_CODES } from './auth';
import { CALENDAR_ERROR_CODES } from './calendar';
import { COUNTER_ERROR_CODES } from './counter';
import { KIOSK_ERROR_CODES } from './kiosk';
import { PRINTING_ERROR_CODES } from './printing';
import { REPORT_ERROR_CODES } from './reports';

/**
 * Stable error codes: the only way an error crosses from the core to a face.
 * The renderer turns each into words with i18next (`errors.<code>`); a test checks
 * that every code has words in every language.
 */
export const ERROR_CODES = [
  'input.invalid',
  'channel.unknown',
  'role.forbidden',
  'settings.unknown_key',
  'catalogue.service_not_found',
  'catalogue.import_invalid',
  'requests.not_found',
  'requests.service_inactive',
  'requests.transition_invalid',
  'requests.import_invalid',
  'survey.not_delivered',
  'survey.already_answered',
  'survey.anonymous_off',
  'survey.questionnaire_unknown',
  'survey.import_invalid',
  'survey.no_display',
  ...CALENDAR_ERROR_CODES,
  ...KIOSK_ERROR_CODES,
  ...PRINTING_ERROR_CODES,
  ...AUTH_ERROR_CODES,
  ...COUNTER_ERROR_CODES,
  ...REPORT_ERROR_CODES,
  ...ADMIN_ERROR_CODES,
  'transport.unavailable',
  'internal',
] as const;
export const errorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

/** One problem with one field of an input: where it is and what kind of problem. */
export const fieldIssueSchema = z.object({
  path: z.string(),
  code: z.string(),
  /** For files: the row (1 = the first data row of a CSV, the first item of a JSON list). */
  row: z.number().int().optional(),
});
export type FieldIssue = z.infer<typeof fieldIssueSchema>;

export const appErrorSchema = z.object({
  code: errorCodeSchema,
  details: z.object({ issues: z.array(fieldIssueSchema).optional() }).optional(),
});
export type AppError = z.infer<typeof appErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: ErrorCode, details?: AppError['details']): Result<T> {
  return details ? { ok: false, error: { code, details } } : { ok: false, error: { code } };
}
