import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { RENDERER_DIR } from '../support/app';
import { kib, type Row } from './report';

/** What the renderer weighs, raw and gzipped, by kind of file. */
export async function run(): Promise<Row[]> {
  const assets = path.join(RENDERER_DIR, 'assets');
  const totals = new Map<string, { raw: number; gzip: number }>();
  for (const name of fs.readdirSync(assets)) {
    const body = fs.readFileSync(path.join(assets, name));
    const kind = path.extname(name).slice(1);
    const sum = totals.get(kind) ?? { raw: 0, gzip: 0 };
    sum.raw += body.length;
    sum.gzip += gzipSync(body, { level: 9 }).length;
    totals.set(kind, sum);
  }
  return [...totals].map(([kind, { raw, gzip }]) => ({
    name: `renderer ${kind}`,
    value: `${kib(raw)} raw · ${kib(gzip)} gzip`,
  }));
}
