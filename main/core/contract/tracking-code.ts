import { z } from 'zod';
import { compactDigits } from './identity';

/**
 * The tracking code (کد رهگیری) printed on the receipt and typed back by people:
 * terminal (3 digits) + the terminal's own sequence (7 digits) + a Damm check digit = 11 digits.
 * The terminal prefix makes codes unique across terminals that never talk to each other.
 */

export const TRACKING_CODE_ERRORS = ['trackingCode.required', 'trackingCode.length', 'trackingCode.checksum'] as const;
export type TrackingCodeError = (typeof TRACKING_CODE_ERRORS)[number];

export type ParsedTrackingCode =
  { ok: true; code: string; terminal: number; sequence: number } | { ok: false; error: TrackingCodeError };

const TERMINAL_DIGITS = 3;
const SEQUENCE_DIGITS = 7;
const TERMINAL_MAX = 10 ** TERMINAL_DIGITS - 1;
const SEQUENCE_MAX = 10 ** SEQUENCE_DIGITS - 1;
const CODE_LENGTH = TERMINAL_DIGITS + SEQUENCE_DIGITS + 1;

/**
 * Damm's weakly totally anti-symmetric quasigroup of order 10, row by row (row = interim digit,
 * column = next digit). Unlike Luhn, it catches every single-digit error and every swap of two
 * neighbouring digits, the check digit included, and needs no weights.
 */
const DAMM =
  '0317598642' +
  '7092154863' +
  '4206871359' +
  '1750983426' +
  '6123045978' +
  '3674209581' +
  '5869720134' +
  '8945362017' +
  '9438617205' +
  '2581436790';

/** The Damm check digit of a string of Latin digits; a string ending in its check digit gives 0. */
export function dammCheckDigit(digits: string): number {
  let interim = 0;
  for (const char of digits) {
    const digit = char.charCodeAt(0) - 48;
    if (digit < 0 || digit > 9) throw new RangeError(`not a digit: ${JSON.stringify(char)}`);
    interim = Number(DAMM.charAt(interim * 10 + digit));
  }
  return interim;
}

/** The code of one request: terminal 1..999, sequence 1..9,999,999. */
export function makeTrackingCode(terminal: number, sequence: number): string {
  if (!Number.isInteger(terminal) || terminal < 1 || terminal > TERMINAL_MAX) {
    throw new RangeError(`terminal ${terminal} is outside 1..${TERMINAL_MAX}`);
  }
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > SEQUENCE_MAX) {
    throw new RangeError(`sequence ${sequence} is outside 1..${SEQUENCE_MAX}`);
  }
  const body = String(terminal).padStart(TERMINAL_DIGITS, '0') + String(sequence).padStart(SEQUENCE_DIGITS, '0');
  return body + dammCheckDigit(body);
}

/** A code as people type it (Persian or Arabic-Indic digits, spaces, dashes), checked and split. */
export function parseTrackingCode(text: string): ParsedTrackingCode {
  const code = compactDigits(text);
  if (code === '') return { ok: false, error: 'trackingCode.required' };
  if (code.length !== CODE_LENGTH || !/^\d+$/.test(code)) return { ok: false, error: 'trackingCode.length' };
  if (dammCheckDigit(code) !== 0) return { ok: false, error: 'trackingCode.checksum' };
  const terminal = Number(code.slice(0, TERMINAL_DIGITS));
  const sequence = Number(code.slice(TERMINAL_DIGITS, TERMINAL_DIGITS + SEQUENCE_DIGITS));
  // Never issued; to the person it is the same as a mistyped code: check the digits.
  if (terminal === 0 || sequence === 0) return { ok: false, error: 'trackingCode.checksum' };
  return { ok: true, code, terminal, sequence };
}

/**
 * For screen and paper: '001-0000123-4' (terminal-sequence-check). People read a code aloud and
 * type it back group by group; groups keep their place, so a skipped or doubled digit shows as a
 * group of the wrong length, and the first group tells a clerk which terminal issued the code.
 * ASCII hyphens, because parseTrackingCode ignores them: a code copied from the screen parses.
 */
export function formatTrackingCode(code: string): string {
  if (code.length !== CODE_LENGTH || !/^\d+$/.test(code)) throw new RangeError(`not a tracking code: ${code}`);
  return groupTypedTrackingCode(code);
}

/** The digits typed so far, grouped as the printed code is, so that they read alike while typed. */
export function groupTypedTrackingCode(digits: string): string {
  const sequenceEnd = TERMINAL_DIGITS + SEQUENCE_DIGITS;
  return [digits.slice(0, TERMINAL_DIGITS), digits.slice(TERMINAL_DIGITS, sequenceEnd), digits.slice(sequenceEnd)]
    .filter(Boolean)
    .join('-');
}

/** Normalises and checks in one step; the output is the 11-digit code, a refusal's message its error code. */
export const trackingCodeSchema = z
  .string({
    error: (issue) => (issue.input === undefined || issue.input === null ? 'trackingCode.required' : undefined),
  })
  .transform((text, ctx) => {
    const parsed = parseTrackingCode(text);
    if (parsed.ok) return parsed.code;
    ctx.addIssue({ code: 'custom', message: parsed.error, input: text });
    return z.NEVER;
  });
