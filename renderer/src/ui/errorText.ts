import type { i18n as I18n } from 'i18next';
import type { AppError } from '../../../main/core/contract';

/**
 * The words for a refusal: the first field's own code when there are words for it
 * (`nationalCode.checksum` says more than `input.invalid`), else the error's code.
 */
export function errorKey(error: AppError, i18n: I18n): string {
  const field = error.details?.issues?.[0]?.code;
  return field && i18n.exists(`errors.${field}`) ? `errors.${field}` : `errors.${error.code}`;
}
