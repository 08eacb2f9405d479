#!/usr/bin/env node
// `npm start`: runs the built app in Electron. Finds Electron's binary the way the `electron`
// package does (path.txt + dist/, or ELECTRON_OVERRIDE_DIST_PATH), but without `require('electron')`,
// which on a machine without the download throws "Electron failed to install correctly …" with a
// stack trace. When the binary is missing, Electron's own installer is tried once (Electron 42
// downloads lazily, so this is how a fresh clone gets it); if that fails too, one paragraph in the
// user's language says what is missing, how to get it, and that `npm run web -- DIR` shows the
// same app in a browser meanwhile — exit code 1, no stack trace.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function electronPackageDir() {
  try {
    return dirname(createRequire(join(root, 'package.json')).resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/** Where the binary is expected; `exists` says whether it is there. */
export function locateElectron(env = process.env) {
  const pkg = electronPackageDir();
  const pathFile = pkg ? join(pkg, 'path.txt') : null;
  const fallback =
    process.platform === 'win32'
      ? 'electron.exe'
      : process.platform === 'darwin'
        ? 'Electron.app/Contents/MacOS/Electron'
        : 'electron';
  const relative =
    pathFile && existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : fallback;
  const path = env.ELECTRON_OVERRIDE_DIST_PATH
    ? join(env.ELECTRON_OVERRIDE_DIST_PATH, relative)
    : join(pkg ?? join(root, 'node_modules', 'electron'), 'dist', relative);
  return {
    path,
    exists: existsSync(path),
    pkg,
    override: Boolean(env.ELECTRON_OVERRIDE_DIST_PATH),
  };
}

/** German unless the environment asks for another language (then English). */
export function userLanguage(env = process.env) {
  const raw = env.VITRINE_LANG || env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  // No locale (or the C/POSIX locale of a bare shell) means the app's default, German.
  if (raw === '' || /^(C|POSIX)([._@]|$)/.test(raw) || /^de/i.test(raw)) return 'de';
  return 'en';
}

/** The paragraph for a missing binary; `reason` is the installer's one-line failure, if any. */
export function missingRuntimeMessage(lang, { path, reason }) {
  const why = reason ? (lang === 'de' ? ` (Grund: ${reason})` : ` (reason: ${reason})`) : '';
  if (lang === 'de') {
    return [
      `Vitrine kann das Desktop-Fenster nicht öffnen: Die Laufzeit Electron fehlt (erwartet unter ${path}).`,
      `Sie wird beim ersten Start aus dem Internet geladen; das ist hier nicht gelungen${why}.`,
      'So bekommen Sie sie: Electrons Installationsprogramm erneut ausführen mit „npx install-electron --no“;',
      'hinter einem Proxy oder ohne Zugang zu GitHub vorher die Adresse eines Spiegels Ihrer IT angeben,',
      'z. B. „ELECTRON_MIRROR=https://spiegel.example/electron/ npx install-electron --no“;',
      'oder das fertige Installationspaket von Vitrine verwenden (AppImage oder deb, Setup für Windows, dmg für macOS).',
      'Bis dahin zeigt „npm run web -- ORDNER“ dieselbe App im Browser, mit der Bibliothek in ORDNER.',
    ].join(' ');
  }
  return [
    `Vitrine cannot open its desktop window: the Electron runtime is missing (expected at ${path}).`,
    `It is downloaded on first start, which did not work here${why}.`,
    'To get it: run Electron\'s installer again with "npx install-electron --no";',
    'behind a proxy or without access to GitHub, first name a mirror your IT provides,',
    'e.g. "ELECTRON_MIRROR=https://mirror.example/electron/ npx install-electron --no";',
    "or use Vitrine's packaged installer (AppImage or deb, Setup for Windows, dmg for macOS).",
    'Meanwhile "npm run web -- FOLDER" shows the same app in a browser, with the library in FOLDER.',
  ].join(' ');
}

/** Runs Electron's installer once, quietly; answers its first line of failure, or null. */
function tryInstall(pkg) {
  const installer = join(pkg, 'install.js');
  if (!existsSync(installer)) return 'install.js missing';
  const result = spawnSync(process.execPath, [installer], { cwd: root, encoding: 'utf8' });
  if (result.status === 0) return null;
  const text = `${result.stderr ?? ''}\n${result.stdout ?? ''}`;
  const line = text
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l !== '' && !l.startsWith('at ') && !/^Downloading/i.test(l));
  return (line ?? `exit code ${result.status}`).slice(0, 200);
}

function main() {
  let found = locateElectron();
  let reason = null;
  if (
    !found.exists &&
    !found.override &&
    found.pkg &&
    process.env.VITRINE_NO_ELECTRON_DOWNLOAD !== '1'
  ) {
    reason = tryInstall(found.pkg);
    found = locateElectron();
  }
  if (!found.exists) {
    process.stderr.write(
      `${missingRuntimeMessage(userLanguage(), { path: found.path, reason })}\n`,
    );
    process.exit(1);
  }
  const child = spawn(found.path, [root, ...process.argv.slice(2)], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('error', (error) => {
    process.stderr.write(
      `${missingRuntimeMessage(userLanguage(), { path: found.path, reason: error.message })}\n`,
    );
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
