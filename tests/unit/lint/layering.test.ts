import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The dependency rule of the architecture is enforced by ESLint; these cases prove the rule
 * fires (and stays quiet on allowed imports), so a broken config cannot pass silently.
 */
const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports')
    .map((m) => m.message);
}

describe('layering lint rule', () => {
  it.each([
    [
      'shared/domain/x.ts',
      "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
    ],
    [
      'shared/domain/x.ts',
      "import { openLibrary } from '../../electron/core/library';\nexport const x = openLibrary;\n",
    ],
    ['electron/core/library/x.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    [
      'electron/core/library/x.ts',
      "import { App } from '../../../renderer/app/shell/App';\nexport const x = App;\n",
    ],
    [
      'electron/main/x.ts',
      "import { App } from '../../renderer/app/shell/App';\nexport const x = App;\n",
    ],
    [
      'renderer/app/x.ts',
      "import { openLibrary } from '../../electron/core/library';\nexport const x = openLibrary;\n",
    ],
    ['renderer/app/x.ts', "import { readFileSync } from 'fs';\nexport const x = readFileSync;\n"],
  ])('rejects a wrong arrow in %s', async (file, code) => {
    expect(await ruleIds(file, code)).toHaveLength(1);
  });

  it.each([
    [
      'electron/core/library/x.ts',
      "import { Item } from '../../../shared/domain';\nexport const x = Item;\n",
    ],
    ['renderer/app/x.ts', "import { Item } from '../../shared/domain';\nexport const x = Item;\n"],
    ['electron/main/x.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    [
      'electron/core/library/x.ts',
      "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
    ],
  ])('allows %s', async (file, code) => {
    expect(await ruleIds(file, code)).toEqual([]);
  });
});
