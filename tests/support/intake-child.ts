import fs from 'node:fs';
import { openCore } from '../../main/core/app';
import { checkLegalId, checkNationalCode } from '../../main/core/contract';
import { callerForWindow } from '../../main/shell/caller';

/**
 * The child of tests/unit/requests-crash.test.ts: `intake-child.ts <database> <round>`.
 * Takes requests through the router as a kiosk, as fast as it can, until it is killed,
 * and after each one that committed writes `committed <tracking code>` to stdout. The
 * write is synchronous: a line the parent reads is a commit it may hold the database to.
 */

const [dbPath, roundText] = process.argv.slice(2);
if (!dbPath || !roundText) throw new Error('usage: intake-child.ts <database> <round>');
const round = Number(roundText);

/** `body` with the one check digit that makes it a valid code; none when every digit is the same. */
function withCheckDigit(body: string, check: (code: string) => { ok: boolean }): string | undefined {
  for (let digit = 0; digit <= 9; digit++) {
    if (check(`${body}${digit}`).ok) return `${body}${digit}`;
  }
  return undefined;
}

const FIRST_NAMES = ['زهرا', 'علی', 'فاطمه', 'محمد', 'مریم', 'حسین', 'Sara'];
const LAST_NAMES = ['احمدی', 'رضایی', 'کریمی', 'موسوی', 'حسینی', 'Tehrani'];
const COMPANIES = ['صنایع ۲۰۰۰ (سهامی خاص)', 'شرکت نان قزوین', 'مؤسسه خانۀ هنر'];
const PERSIAN_DIGITS = '۰۱۲۳۴۵۶۷۸۹';

/** Mobiles in the forms people type them; the core stores one spelling. */
function mobileAs(n: number, form: number): string {
  const digits = `912${String(n % 10_000_000).padStart(7, '0')}`;
  if (form === 0) return `0${digits}`;
  if (form === 1) return `+98 ${digits.slice(0, 3)} ${digits.slice(3)}`;
  return `0${digits}`.replace(/\d/g, (d) => PERSIAN_DIGITS.charAt(Number(d)));
}

/** The n-th applicant: distinct national codes and legal IDs across rounds and calls. */
function applicant(n: number): { serviceCode: string; applicant: Record<string, unknown> } | undefined {
  const name = `${FIRST_NAMES[n % FIRST_NAMES.length]} ${LAST_NAMES[n % LAST_NAMES.length]}`;
  const mobile = mobileAs(n, n % 3);
  const serial = String(round * 1_000_000 + n).padStart(9, '0');
  if (n % 5 === 4) {
    const legalId = withCheckDigit(`1${serial}`, checkLegalId);
    const company = COMPANIES[n % COMPANIES.length];
    return legalId === undefined
      ? undefined
      : { serviceCode: '10110002', applicant: { legalId, company, name, mobile } };
  }
  const nationalCode = withCheckDigit(serial, checkNationalCode);
  return nationalCode === undefined
    ? undefined
    : { serviceCode: '10110001', applicant: { nationalCode, name, mobile } };
}

const core = openCore({ dbPath, appVersion: 'crash-test', log: (message, error) => console.error(message, error) });
const caller = callerForWindow('kiosk');

for (let n = 0; ; n++) {
  const input = applicant(n);
  if (!input) continue; // '000000000' and the like: no code of one repeated digit is valid
  const result = await core.router.call(caller, 'requests.create', input);
  if (!result.ok) {
    console.error(`refused: ${JSON.stringify(result.error)}`);
    process.exit(1);
  }
  fs.writeSync(1, `committed ${(result.value as { trackingCode: string }).trackingCode}\n`);
}
