import type { CalendarErrorCode } from '../contract/calendar';
import { DomainError } from '../router';

/** Throws a calendar refusal: it reaches the face as its error code. */
export function refuse(code: CalendarErrorCode): never {
  throw new DomainError(code);
}
