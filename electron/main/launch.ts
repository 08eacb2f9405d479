import { isAbsolute, resolve } from 'node:path';

/**
 * Electron-free decisions about how the app was launched: which library to open, whether this is
 * a development run, and the Windows AppUserModelID. `main.ts` only wires them to Electron.
 */

/** electron-builder's `appId` (electron-builder.yml): the NSIS shortcut carries the same id. */
export const APP_USER_MODEL_ID = 'de.dortmund.vitrine';

const LIBRARY_FLAG = '--library=';

/** `--library=DIR` from a command line, resolved against `cwd`; null when absent or empty. */
export function libraryArg(argv: readonly string[], cwd: string): string | null {
  // argv[0] is the executable; a folder literally named "--library=…" as the app path is not ours.
  const raw = argv
    .slice(1)
    .find((arg) => arg.startsWith(LIBRARY_FLAG))
    ?.slice(LIBRARY_FLAG.length);
  if (!raw || raw.includes('\0')) return null;
  return isAbsolute(raw) ? raw : resolve(cwd, raw);
}

/** What the first instance receives from a second launch (`requestSingleInstanceLock(data)`). */
export interface SecondInstanceData {
  library?: string;
}

/**
 * The library a second launch asked for. Electron documents that the `argv` handed to
 * `second-instance` "will not be exactly the same list of arguments as those passed to the second
 * instance. The order might change and additional arguments might be appended" and advises
 * `additionalData` instead (docs/api/app.md, `app.requestSingleInstanceLock`). So the second
 * instance sends its resolved `--library` as data; argv (against the second instance's working
 * directory) is the fallback for launches by something other than this app.
 */
export function libraryFromSecondInstance(
  argv: readonly string[],
  workingDirectory: string,
  additionalData: unknown,
): string | null {
  const data = additionalData as SecondInstanceData | null | undefined;
  if (data && typeof data === 'object' && typeof data.library === 'string' && data.library) {
    return isAbsolute(data.library) ? data.library : null;
  }
  return libraryArg(argv, workingDirectory);
}

/**
 * Reload and developer tools belong to development runs (`npm start`, the e2e test), never to the
 * installed app. `app.isPackaged` is the runtime fact; `NODE_ENV` cannot be used because the build
 * defines it as "production" for every bundle.
 */
export function isDevelopmentRun(facts: { isPackaged: boolean; env: NodeJS.ProcessEnv }): boolean {
  return !facts.isPackaged && facts.env.VITRINE_RELEASE_LIKE !== '1';
}
