import { windowRoleSchema, type WindowRole } from '../core/contract';

export interface ShellArgs {
  /** The window's role from --role; when absent, the terminal.role setting decides. */
  role?: WindowRole;
  db?: string;
}

/** Reads `--role kiosk|counter|admin` and `--db FILE` (also as `--role=…`); ignores the rest. */
export function parseShellArgs(argv: readonly string[]): ShellArgs {
  const args: ShellArgs = {};
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = (argv[i] ?? '').split(/=(.*)/s, 2);
    const value = () => inline ?? argv[++i];
    if (flag === '--role') {
      const parsed = windowRoleSchema.safeParse(value());
      if (!parsed.success) throw new Error('--role takes kiosk, counter or admin');
      args.role = parsed.data;
    } else if (flag === '--db') {
      const file = value();
      if (!file) throw new Error('--db takes a file');
      args.db = file;
    }
  }
  return args;
}
