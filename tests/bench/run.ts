import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { printTable, type Row } from './report';

/**
 * `npm run bench`: runs every tests/bench/*.bench.ts (or those named on the command line)
 * and prints their figures. Nothing here passes or fails: the figures are for reading.
 */
const dir = path.dirname(new URL(import.meta.url).pathname);
const only = process.argv.slice(2);
const files = fs
  .readdirSync(dir)
  .filter((name) => name.endsWith('.bench.ts'))
  .filter((name) => only.length === 0 || only.some((o) => name.includes(o)))
  .sort();

console.log(`Mizban benchmarks on ${process.platform} ${process.arch}, Node ${process.version}`);
for (const file of files) {
  const bench = (await import(pathToFileURL(path.join(dir, file)).href)) as { run(): Promise<Row[]> };
  printTable(file.replace('.bench.ts', ''), await bench.run());
}
