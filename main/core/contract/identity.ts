import { z } from 'zod';
import { toLatinDigits } from './locale';

/**
 * Who the client is, as people type it at a kiosk or a counter: the national code, a legal
 * entity's ID, a mobile number, a name. Each is normalised to one spelling before it is
 * checked, stored or searched, so that the same person always looks the same to the database.
 */

/** Field-error codes of this file: the router passes them on, the faces show `errors.<code>`. */
export const IDENTITY_FIELD_ERRORS = [
  'nationalCode.required',
  'nationalCode.length',
  'nationalCode.repeated',
  'nationalCode.checksum',
  'legalId.required',
  'legalId.length',
  'legalId.repeated',
  'legalId.checksum',
  'mobile.required',
  'mobile.invalid',
  'name.required',
  'name.invalid',
  'company.required',
  'company.invalid',
] as const;
export type IdentityFieldError = (typeof IDENTITY_FIELD_ERRORS)[number];
type ErrorsOf<Field extends string> = Extract<IdentityFieldError, `${Field}.${string}`>;

/** The normalised value, or why there is none. */
export type Checked<E extends string> = { ok: true; value: string } | { ok: false; error: E };

/** Persian, Arabic-Indic and Latin digits all read as Latin: the one spelling stored. */
export const normalizeDigits: (text: string) => string = toLatinDigits;

const ZWNJ = '\u200c';
/** Tatweel (kashida) and the Arabic vowel marks; hamza above/below (U+0654/U+0655) are kept: they spell ۀ and ئ. */
const TATWEEL_AND_DIACRITICS = /[\u064b-\u0653\u0656-\u065f\u0670\u0640]/g;
/**
 * Invisible marks (zero-width space, LRM/RLM, bidi embeddings and isolates, BOM) that copy-paste
 * and some keyboards leave in text. Unlike the half-space they do not stop letters joining, so
 * removing them changes nothing a person sees; leaving them in makes two equal names differ.
 */
const INVISIBLE_MARKS = /[\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
/** A half-space typed with a space beside it, or twice: one half-space was meant. */
const HALF_SPACE_RUN = /\s*\u200c[\s\u200c]*/g;
const EDGE_SPACES = /^[ \u200c]+|[ \u200c]+$/g;

/**
 * One spelling for Persian text, for storage and search: NFKC (text pasted from PDFs carries
 * Arabic presentation forms and no-break spaces), the Persian ی and ک for their Arabic look-alikes,
 * no tatweel or vowel marks, the half-space (ZWNJ) kept but its wrong forms made one ZWNJ,
 * runs of whitespace made one space, trimmed. Digits are left as typed.
 */
export function normalizePersianText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[يى]/g, 'ی')
    .replace(/ك/g, 'ک')
    .replace(TATWEEL_AND_DIACRITICS, '')
    .replace(INVISIBLE_MARKS, '')
    .replace(HALF_SPACE_RUN, ZWNJ)
    .replace(/\s+/g, ' ')
    .replace(EDGE_SPACES, '');
}

/**
 * The key a search compares, looser than the stored spelling: people write 'می‌خواهم',
 * 'میخواهم' and 'می خواهم', 'مؤسسه' and 'موسسه', 'خانۀ' and 'خانه' for the same words, so
 * spaces, half-spaces and punctuation are dropped, letters Persian writes with or without a
 * hamza seat are folded, digits are Latin and Latin letters lower case.
 */
export function searchKey(text: string): string {
  return toLatinDigits(normalizePersianText(text))
    .toLowerCase()
    .replace(/[أإٱ]/g, 'ا')
    .replace(/ؤ/g, 'و')
    .replace(/[ۀة]/g, 'ه')
    .replace(/[\u0654\s\u200c\p{P}]|\u200d/gu, '');
}

/** What people put between digits when they type or paste a number. */
const DIGIT_SEPARATORS = /[\s\-\u2010-\u2015\u2212\u200c-\u200f\u202a-\u202e\u2066-\u2069]/g;

/** A number as typed or pasted (any digits, spaces, dashes, invisible marks) as Latin digits alone. */
export function compactDigits(text: string): string {
  return toLatinDigits(text).replace(DIGIT_SEPARATORS, '');
}

function digitAt(digits: string, index: number): number {
  return Number(digits.charAt(index));
}

const ok = (value: string) => ({ ok: true, value }) as const;
const fail = <E extends string>(error: E) => ({ ok: false, error }) as const;

const ONE_REPEATED_DIGIT = /^(\d)\1*$/;

function nationalCodeCheckDigit(code: string): number {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += digitAt(code, i) * (10 - i);
  const remainder = sum % 11;
  return remainder < 2 ? remainder : 11 - remainder;
}

/**
 * The 10-digit national code (کد ملی). Spaces and dashes are allowed, as printed on some cards;
 * a shorter code is not padded with zeros: the card shows all ten digits, and padding would
 * let a dropped digit through.
 */
export function checkNationalCode(text: string): Checked<ErrorsOf<'nationalCode'>> {
  const code = compactDigits(text);
  if (code === '') return fail('nationalCode.required');
  if (!/^\d{10}$/.test(code)) return fail('nationalCode.length');
  // Every one-digit code (1111111111 …) passes the checksum, so the checksum cannot refuse them.
  if (ONE_REPEATED_DIGIT.test(code)) return fail('nationalCode.repeated');
  if (nationalCodeCheckDigit(code) !== digitAt(code, 9)) return fail('nationalCode.checksum');
  return ok(code);
}

const LEGAL_ID_WEIGHTS = [29, 27, 23, 19, 17, 29, 27, 23, 19, 17];

function legalIdCheckDigit(id: string): number {
  const shift = digitAt(id, 9) + 2;
  const sum = LEGAL_ID_WEIGHTS.reduce((total, weight, i) => total + (digitAt(id, i) + shift) * weight, 0);
  const remainder = sum % 11;
  return remainder === 10 ? 0 : remainder;
}

/** The 11-digit national ID of a legal entity (شناسه ملی اشخاص حقوقی). */
export function checkLegalId(text: string): Checked<ErrorsOf<'legalId'>> {
  const id = compactDigits(text);
  if (id === '') return fail('legalId.required');
  if (!/^\d{11}$/.test(id)) return fail('legalId.length');
  // A placeholder, not an ID; 33333333333 would even pass the checksum.
  if (ONE_REPEATED_DIGIT.test(id)) return fail('legalId.repeated');
  if (legalIdCheckDigit(id) !== digitAt(id, 10)) return fail('legalId.checksum');
  return ok(id);
}

/** Country code in any of its forms, then the trunk zero or not ('+98 (0)912…'), then 9 and nine digits. */
const MOBILE = /^(?:\+98|0098|98)?0?(9\d{9})$/;

/**
 * An Iranian mobile number in any form people write it (0912…, 912…, +98912…, 0098912…, 98912…,
 * with spaces, dashes or parentheses), as '09xxxxxxxxx'. Operator prefixes are not checked:
 * they change, and the SMS gateway is the judge of a number that does not exist.
 */
export function checkMobile(text: string): Checked<ErrorsOf<'mobile'>> {
  const compact = compactDigits(text).replace(/[()]/g, '');
  if (compact === '') return fail('mobile.required');
  const match = MOBILE.exec(compact);
  return match ? ok(`0${match[1]}`) : fail('mobile.invalid');
}

/** Paper and screens show only the last four digits of a stored number: '*******4567'. */
function maskAllButLastFour(digits: string): string {
  return '*'.repeat(Math.max(0, digits.length - 4)) + digits.slice(-4);
}

/** A normalised mobile, masked: '09121234567' → '*******4567'. */
export function maskMobile(mobile: string): string {
  return maskAllButLastFour(mobile);
}

/** A normalised national code, masked: '0012345678' → '******5678'. */
export function maskNationalCode(code: string): string {
  return maskAllButLastFour(code);
}

/** The four digits a client is asked to confirm, e.g. when an SMS goes out. */
export function mobileLastFour(mobile: string): string {
  return mobile.slice(-4);
}

/** The Arabic letters Persian uses, پ چ ژ ک گ ی ۀ, and the hamza above of ezafe (خانهٔ). */
const PERSIAN_LETTERS = '\u0654\u0621-\u063a\u0641-\u064a\u067e\u0686\u0698\u06a9\u06af\u06c0\u06cc';
const PERSON_NAME = new RegExp(`^[${PERSIAN_LETTERS}\\p{Script=Latin} \\u200c]{2,80}$`, 'u');

/** A person's name: Persian or Latin letters, spaces and half-spaces, 2 to 80 characters. */
export function checkPersonName(text: string): Checked<ErrorsOf<'name'>> {
  const name = normalizePersianText(text);
  if (name === '') return fail('name.required');
  return PERSON_NAME.test(name) ? ok(name) : fail('name.invalid');
}

/** Registered company names also carry digits and punctuation: «صنایع ۲۰۰۰ (سهامی خاص)». */
const COMPANY_NAME = /^[\p{L}\p{M}\p{N}\p{P} \u200c+]{2,120}$/u;

/** A company's name: 2 to 120 characters, at least one letter, no symbols or control characters. */
export function checkCompanyName(text: string): Checked<ErrorsOf<'company'>> {
  const name = normalizePersianText(text);
  if (name === '') return fail('company.required');
  return COMPANY_NAME.test(name) && /\p{L}/u.test(name) ? ok(name) : fail('company.invalid');
}

/**
 * A string field normalised and checked in one step: the output is the normalised value, a
 * refusal is one issue whose message is the field-error code. A missing field is `required`.
 */
function fieldSchema<E extends string>(required: E, check: (text: string) => Checked<E>) {
  return z
    .string({ error: (issue) => (issue.input === undefined || issue.input === null ? required : undefined) })
    .transform((text, ctx) => {
      const result = check(text);
      if (result.ok) return result.value;
      ctx.addIssue({ code: 'custom', message: result.error, input: text });
      return z.NEVER;
    });
}

export const nationalCodeSchema = fieldSchema('nationalCode.required', checkNationalCode);
export const legalIdSchema = fieldSchema('legalId.required', checkLegalId);
export const mobileSchema = fieldSchema('mobile.required', checkMobile);
export const personNameSchema = fieldSchema('name.required', checkPersonName);
export const companyNameSchema = fieldSchema('company.required', checkCompanyName);
