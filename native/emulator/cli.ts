/**
 * The printer emulator for development:
 *   node --import tsx native/emulator/cli.ts --tcp 9100 --out DIR
 *   node --import tsx native/emulator/cli.ts --serial /tmp/printer-b --baud 115200 --out DIR
 * Faults are typed on its standard input while it runs (`help` lists them).
 */
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { PrinterEmulator, statusReply, type PaperState } from './emulator';

const HELP = `commands:
  paper ok|near-end|out   cover open|closed   offline on|off
  delay MS                 (status answers wait MS)
  drop BYTES               (the next connection is reset after BYTES bytes)
  status                   quit`;

const { values } = parseArgs({
  options: {
    tcp: { type: 'string' },
    host: { type: 'string', default: '127.0.0.1' },
    serial: { type: 'string' },
    baud: { type: 'string', default: '9600' },
    out: { type: 'string' },
  },
});

if (!values.tcp && !values.serial) {
  console.error('usage: cli.ts [--tcp PORT [--host HOST]] [--serial PATH [--baud N]] [--out DIR]');
  process.exit(2);
}

const emulator = new PrinterEmulator({
  ...(values.out ? { outDir: values.out } : {}),
  log: (message) => console.log(message),
});
if (values.tcp) await emulator.listenTcp(Number(values.tcp), values.host);
if (values.serial) await emulator.openSerial(values.serial, Number(values.baud));
console.log(HELP);

const PAPER: Record<string, PaperState> = { ok: 'ok', 'near-end': 'near-end', out: 'out' };
// Standard input ending (run in the background) leaves the emulator running.
const input = readline.createInterface({ input: process.stdin });

async function stop(): Promise<void> {
  input.close();
  await emulator.close();
  process.exit(0);
}

function command(line: string): void {
  const [name, argument = ''] = line.trim().split(/\s+/);
  const number = Number(argument);
  if (name === 'paper' && PAPER[argument]) emulator.set({ paper: PAPER[argument] });
  else if (name === 'cover' && (argument === 'open' || argument === 'closed'))
    emulator.set({ coverOpen: argument === 'open' });
  else if (name === 'offline' && (argument === 'on' || argument === 'off'))
    emulator.set({ offline: argument === 'on' });
  else if (name === 'delay' && Number.isInteger(number) && number >= 0) emulator.set({ replyDelayMs: number });
  else if (name === 'drop' && Number.isInteger(number) && number > 0) emulator.dropConnectionAfter(number);
  else if (name === 'status') {
    const bytes = [1, 2, 3, 4].map((n) => `DLE EOT ${n} → 0x${statusReply(emulator.state, n)?.toString(16)}`);
    console.log(JSON.stringify(emulator.state), bytes.join(', '));
  } else if (name === 'quit') void stop();
  else if (name) console.log(HELP);
}

input.on('line', command);
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
