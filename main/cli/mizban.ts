import { parseArgs } from 'node:util';
import { resolveDatabasePath } from '../core/db/location';
import { backup, dbInit } from './commands/db';
import { UsageError } from './usage-error';

const USAGE = `usage: mizban <command> [options]

  db init [--db FILE]                create the database, or migrate it to this version
  backup [--db FILE] --out FILE      an online backup of the database

--db defaults to $MIZBAN_DB, then the app's user data folder.`;

async function run(argv: string[]): Promise<string> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { db: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) return USAGE;
  const dbPath = resolveDatabasePath(values.db);
  const command = positionals.join(' ');
  switch (command) {
    case 'db init':
      return dbInit(dbPath);
    case 'backup':
      return backup(dbPath, values.out);
    default:
      throw new UsageError(command ? `unknown command: ${command}` : 'no command given');
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
