import type { ErrorCode } from '../contract';
import type { CalendarErrorCode } from '../contract/calendar';
import { DomainError } from '../router';

/**
 * Throws a calendar refusal. CALENDAR_ERROR_CODES are spread into ERROR_CODES
 * (contract/errors.ts); until then the intersection is `never` and the cast still
 * compiles, and once they are, it is the plain code.
 */
export function refuse(code: CalendarErrorCode): never {
  throw new DomainError(code as ErrorCode & CalendarErrorCode);
}
