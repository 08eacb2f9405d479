import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/**
 * Where Vitrine keeps per-user data when no `--app-data` is given: the same folder Electron's
 * `app.getPath('userData')` uses for productName "Vitrine", so the app and `vitrine web` share
 * the recent list and settings. `VITRINE_APP_DATA` overrides it (tests, portable installs).
 */
export function defaultAppDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (env.VITRINE_APP_DATA) return resolve(env.VITRINE_APP_DATA);
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Vitrine');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Vitrine');
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), 'Vitrine');
}

/**
 * The built renderer: `VITRINE_RENDERER_DIR`, else the first `dist/renderer/index.html` found
 * walking up from `fromDir` (the CLI bundle sits in dist/cli, the sources three levels deeper).
 */
export function findRendererDir(
  fromDir: string,
  env: NodeJS.ProcessEnv = process.env,
): string | null {
  if (env.VITRINE_RENDERER_DIR) {
    const dir = resolve(env.VITRINE_RENDERER_DIR);
    return existsSync(join(dir, 'index.html')) ? dir : null;
  }
  let dir = resolve(fromDir);
  for (;;) {
    const candidate = join(dir, 'dist', 'renderer');
    if (existsSync(join(candidate, 'index.html'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}
