import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { resolveDatabasePath } from '../core/db/location';
import { calendarYear, dueDate } from './commands/calendar';
import {
  catalogueExport,
  catalogueImport,
  requestsExport,
  requestsImport,
  responsesExport,
  responsesImport,
} from './commands/data';
import { backup, dbInit } from './commands/db';
import { purge } from './commands/purge';
import { receiptRender } from './commands/receipt';
import { report } from './commands/report';
import { UsageError } from './usage-error';

const USAGE = `usage: mizban <command> [options]

  db init [--db FILE] [--empty]      create the database (with the sample catalogue unless
                                     --empty), or migrate it to this version
  backup [--db FILE] --out FILE      an online backup of the database
  purge [--db FILE]                  erase the citizen's name, national code, legal ID, company
                                     and mobile from requests closed more than the setting
                                     retention.days ago (the app does it daily); 0 keeps them
  catalogue import FILE [--format json|csv] [--db FILE]
                                     add or update agencies and services, all or nothing
  catalogue export [--format json|csv] [--out FILE] [--db FILE]
  requests import FILE.csv [--db FILE]
                                     requests from a paper ledger or another system; columns
                                     created_at (Jalali YYYY/MM/DD HH:MM), service_code,
                                     national_code, legal_id, name, mobile
  requests export [--format csv|json] [--out FILE] [--db FILE]
  responses import FILE.csv [--db FILE]
                                     survey answers from paper forms or another terminal;
                                     columns date, questionnaire, service_code, gender, age,
                                     education, job, visits, one per item id, suggestion
  responses export [--out FILE] [--db FILE]
  receipt render --tracking CODE --out FILE.png [--width 58|80] [--copy] [--db FILE]
                                     a request's receipt as the printer prints it (1-bit PNG);
                                     --copy marks it as a reprint
  report satisfaction --questionnaire ID [--from YYYY/MM/DD] [--to YYYY/MM/DD]
         [--by quarter|month|service|agency|clerk] [--target 70] [--service CODE]
         [--agency CODE] [--format json|csv|xlsx|pdf] [--lang fa|en] [--out FILE] [--db FILE]
                                     satisfaction statistics, as the provinces publish them
  report delivery [--from …] [--to …] [--by …] [--service CODE] [--agency CODE]
         [--format json|csv|xlsx|pdf] [--lang fa|en] [--out FILE] [--db FILE]
                                     on-time delivery, working days to deliver, overdue now
  report audit [--from …] [--to …] [--service CODE] [--agency CODE]
         [--format json|csv|xlsx|pdf] [--lang fa|en] [--out FILE] [--db FILE]
                                     the audit form's tables (directive 1717668); xlsx and pdf
                                     need --out; pdf is printed by Chromium (CHROMIUM_PATH)
  calendar YEAR [--db FILE]          the Jalali year's holidays and closures (1403-1406)
  due-date --days N [--from YYYY/MM/DD] [--time HH:MM] [--db FILE]
                                     the due date of a request made then (default: now)

--db defaults to $MIZBAN_DB, then the app's user data folder.`;

/** Writes to --out when given (saying so), else returns the content for stdout. */
function output(content: string, out: string | undefined): string {
  if (!out) return content;
  fs.writeFileSync(out, content);
  return `wrote ${out}`;
}

async function run(argv: string[]): Promise<string> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      db: { type: 'string' },
      out: { type: 'string' },
      format: { type: 'string' },
      empty: { type: 'boolean' },
      from: { type: 'string' },
      days: { type: 'string' },
      time: { type: 'string' },
      tracking: { type: 'string' },
      width: { type: 'string' },
      copy: { type: 'boolean' },
      to: { type: 'string' },
      by: { type: 'string' },
      target: { type: 'string' },
      questionnaire: { type: 'string' },
      service: { type: 'string' },
      agency: { type: 'string' },
      lang: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return USAGE;
  const dbPath = resolveDatabasePath(values.db);
  const [first, second, third, ...rest] = positionals;
  if (first === 'calendar' && third === undefined) return calendarYear(dbPath, second);
  if (rest.length > 0) throw new UsageError(`too many arguments: ${positionals.join(' ')}`);
  switch (`${first ?? ''} ${second ?? ''}`.trim()) {
    case 'db init':
      return dbInit(dbPath, values.empty ?? false);
    case 'backup':
      return backup(dbPath, values.out);
    case 'purge':
      return purge(dbPath);
    case 'catalogue import':
      return catalogueImport(dbPath, third, values.format);
    case 'catalogue export':
      return output(catalogueExport(dbPath, values.format), values.out);
    case 'requests import':
      return requestsImport(dbPath, third);
    case 'requests export':
      return output(requestsExport(dbPath, values.format), values.out);
    case 'responses import':
      return responsesImport(dbPath, third);
    case 'responses export':
      return output(responsesExport(dbPath), values.out);
    case 'report satisfaction':
    case 'report delivery':
    case 'report audit':
      return report(dbPath, second, values);
    case 'receipt render':
      return receiptRender(dbPath, values.tracking, values.out, values.width, values.copy ?? false);
    case 'due-date':
      return dueDate(dbPath, values);
    default:
      throw new UsageError(first ? `unknown command: ${positionals.join(' ')}` : 'no command given');
  }
}

run(process.argv.slice(2)).then(
  (output) => console.log(output),
  (error: unknown) => {
    const usage = error instanceof UsageError || (error instanceof TypeError && 'code' in error);
    console.error(`mizban: ${error instanceof Error ? error.message : String(error)}`);
    if (usage) console.error(`\n${USAGE}`);
    process.exitCode = usage ? 2 : 1;
  },
);
