import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ESLint } from 'eslint';

const eslint = new ESLint();

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId?.startsWith('no-restricted-')).map((m) => m.message);
}

/** Each line must be caught where it stands; the allowed ones must pass. */
const cases: { file: string; code: string; caught: boolean }[] = [
  { file: 'renderer/src/kiosk/X.tsx', code: "import { ipcRenderer } from 'electron';", caught: true },
  { file: 'renderer/src/kiosk/X.tsx', code: "import fs from 'node:fs';", caught: true },
  { file: 'renderer/src/kiosk/X.tsx', code: "import fs from 'fs';", caught: true },
  { file: 'renderer/src/kiosk/X.tsx', code: "import { openCore } from '../../../main/core/app';", caught: true },
  { file: 'renderer/src/kiosk/X.tsx', code: "import { migrate } from '../../../main/core/db/migrate';", caught: true },
  { file: 'renderer/src/kiosk/X.tsx', code: "import { x } from '../../../main/core/contractual';", caught: true },
  { file: 'renderer/src/kiosk/X.tsx', code: "import { ROLES } from '../../../main/core/contract';", caught: false },
  {
    file: 'renderer/src/kiosk/X.tsx',
    code: "import { ROLES } from '../../../main/core/contract/roles';",
    caught: false,
  },
  { file: 'main/core/requests/x.ts', code: "import { app } from 'electron';", caught: true },
  { file: 'main/core/requests/x.ts', code: 'export const w = window.innerWidth;', caught: true },
  { file: 'main/core/requests/x.ts', code: "import fs from 'node:fs';", caught: false },
  { file: 'native/printer/x.ts', code: "const { net } = require('electron');", caught: true },
  { file: 'native/printer/x.ts', code: "import { net } from 'electron';", caught: true },
  { file: 'main/shell/x.ts', code: "import { BrowserWindow } from 'electron';", caught: true },
  { file: 'main/core/contract/x.ts', code: "import path from 'node:path';", caught: true },
  { file: 'main/core/contract/x.ts', code: "import { openDatabase } from '../db/connection';", caught: true },
  { file: 'main/core/contract/x.ts', code: "import { ROLES } from './roles';", caught: false },
  { file: 'main/windows.ts', code: "import { BrowserWindow } from 'electron';", caught: false },
];

describe('the linter enforces the folder boundaries of ARCHITECTURE.md', () => {
  for (const { file, code, caught } of cases) {
    test(`${caught ? 'catches' : 'allows'} in ${file}: ${code}`, async () => {
      const errors = await boundaryErrors(file, `${code}\nexport {};\n`);
      assert.equal(errors.length > 0, caught, errors.join('; '));
    });
  }
});
