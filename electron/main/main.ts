import { join } from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  Menu,
  screen,
  session,
  shell,
  type MenuItemConstructorOptions,
  type WebContents,
} from 'electron';
import { APP_ORIGIN, type MenuCommand } from '../../shared/api';
import type { UiLanguage } from '../../shared/errors';
import { isAppError } from '../../shared/errors';
import { createApiHandlers, readSettings, type ApiService } from '../core/api';
import { createSecretStore } from '../core/publish/secret-store';
import { safeStorageCipher } from './publish-secrets';
import { resolveMediaFile } from '../core/media';
import { createWorkerHost } from '../core/worker';
import { buildContextMenu } from './context-menu';
import { createEventGate, type EventGate } from './event-gate';
import { deliverTo, forwardEvents, registerIpc, type OutgoingEvent } from './ipc';
import {
  APP_USER_MODEL_ID,
  isDevelopmentRun,
  libraryArg,
  libraryFromSecondInstance,
} from './launch';
import type { MenuAction } from './menu-template';
import { installMenu } from './menu';
import { createNativeDialogs } from './native-dialogs';
import { handleAppProtocol, registerAppScheme } from './protocol';
import { rendererGoneMessage, rendererGoneTracker } from './renderer-gone';
import { decideNavigation } from './security';
import { spellcheckPolicy } from './spellcheck';
import { utilityWorker } from './utility-worker';
import { DEFAULT_SIZE, loadWindowState, saveWindowState, visibleBounds } from './window-state';

/*
 * Thin adapter: lifecycle, one window, menus, dialogs, protocol and IPC. Everything that decides
 * something lives in electron/core or in the Electron-free modules next to this file.
 * tests/unit/electron/main/startup.test.ts drives this file against a fake Electron that keeps
 * Electron's documented event order.
 */

// Tests and portable setups point the profile elsewhere before anything reads it.
if (process.env.VITRINE_APP_DATA) app.setPath('userData', process.env.VITRINE_APP_DATA);

// Every renderer sandboxed, whatever a window's options say.
app.enableSandbox();
registerAppScheme();
// Windows groups taskbar buttons and pins by this id; it must equal electron-builder's appId,
// which the NSIS installer writes into its shortcut (docs/api/app.md `setAppUserModelId`).
if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);

const development = isDevelopmentRun({ isPackaged: app.isPackaged, env: process.env });
let mainWindow: BrowserWindow | null = null;
let service: ApiService | null = null;
let uiLanguage: UiLanguage = 'de';
/** webContents ids of the windows this app created, known before anything is loaded into them. */
const ownContents = new Set<number>();
/** Per window: events wait here until its page has made its first accepted call. */
const gates = new Map<number, EventGate<OutgoingEvent>>();
/** A library a second launch asked for before the service existed. */
let pendingLibrary: string | null = null;

function log(context: string, error: unknown): void {
  console.error(`[vitrine] ${context}:`, error);
}

/**
 * Library media (an "Open PDF" button, a document link with target="_blank") opens in the system
 * viewer — only after `resolveMediaFile` has checked that the real path lies inside the open
 * library's media folder. `shell.openPath` answers an error message, or '' on success
 * (docs/api/shell.md).
 */
async function openMedia(relPath: string): Promise<void> {
  const dir = service?.libraryDir();
  if (!dir) return;
  try {
    const file = await resolveMediaFile(dir, relPath);
    const failure = await shell.openPath(file);
    if (failure) dialog.showErrorBox('Vitrine', failure);
  } catch (error) {
    if (isAppError(error)) dialog.showErrorBox('Vitrine', error.messageIn(uiLanguage));
    else log('open media', error);
  }
}

function followLink(url: string): void {
  const decision = decideNavigation(url);
  if (decision.action === 'open-external') void shell.openExternal(decision.url);
  if (decision.action === 'open-media') void openMedia(decision.relPath);
}

/** Security decision: no navigation, no new windows, no webviews; web links go to the browser. */
function hardenContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    followLink(url);
  });
  contents.on('will-redirect', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    followLink(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Cut/Copy/Paste/Select all and, where the OS spell checker offers them, suggestions. */
function attachContextMenu(win: BrowserWindow): void {
  win.webContents.on('context-menu', (_event, params) => {
    const entries = buildContextMenu(params, uiLanguage);
    if (!entries) return;
    const template: MenuItemConstructorOptions[] = entries.map((entry) => {
      if (entry.kind === 'separator') return { type: 'separator' };
      const { action } = entry;
      const item: MenuItemConstructorOptions = { label: entry.label, enabled: entry.enabled };
      if (action.type === 'role') item.role = action.role;
      else if (action.type === 'replaceMisspelling')
        item.click = () => win.webContents.replaceMisspelling(action.word);
      else item.click = () => win.webContents.session.addWordToSpellCheckerDictionary(action.word);
      return item;
    });
    Menu.buildFromTemplate(template).popup({ window: win });
  });
}

function sendToPage(command: MenuCommand, id?: string): void {
  service?.emit('menu', id === undefined ? { command } : { command, id });
}

async function runMenuAction(action: MenuAction): Promise<void> {
  if (!service) return;
  switch (action.type) {
    case 'openLibraryFolder': {
      const dir = service.libraryDir();
      if (dir) await shell.openPath(dir);
      return;
    }
    // The page opens libraries itself (its state and error messages live there), so File menu
    // entries are commands to the page like Undo or Export.
    case 'openRecent':
      return sendToPage('openRecent', action.id);
    case 'newLibrary':
    case 'openLibrary':
    case 'openSample':
    case 'export':
    case 'undo':
    case 'redo':
    case 'about':
    case 'restoreBackup':
    case 'importPackage':
    case 'exportPackage':
      return sendToPage(action.type);
    default: {
      const unhandled: never = action;
      throw new Error(`menu action not handled: ${JSON.stringify(unhandled)}`);
    }
  }
}

async function refreshMenu(): Promise<void> {
  if (!service) return;
  const state = await service.dispatch('session.state', {});
  const recent = state.ok
    ? (state.value as { recent: Array<{ id: string; name: string }> }).recent
    : [];
  installMenu(
    {
      lang: uiLanguage,
      platform: process.platform,
      recent,
      libraryOpen: service.libraryDir() !== null,
      development,
    },
    (action) => void runMenuAction(action).catch((error) => log('menu', error)),
  );
}

async function openLibraryFromLaunch(dir: string): Promise<void> {
  if (!service) {
    pendingLibrary = dir;
    return;
  }
  const result = await service.openLibraryDir(dir);
  if (!result.ok) {
    dialog.showErrorBox('Vitrine', result.error.message);
    return;
  }
  sendToPage('sessionChanged');
  await refreshMenu();
}

/**
 * Creates the window and registers its webContents as ours BEFORE loading anything: the page's
 * first IPC calls arrive while `loadURL` is pending. Shown (and maximised) on `ready-to-show`
 * (docs/api/browser-window.md "Using the ready-to-show event"); `maximize()` would show the
 * window at once otherwise ("This will also show (but not focus) the window").
 */
async function createWindow(appDataDir: string): Promise<BrowserWindow> {
  const saved = await loadWindowState(appDataDir);
  const areas = screen.getAllDisplays().map((d) => d.workArea);
  const bounds = visibleBounds(saved?.bounds, areas);
  const policy = spellcheckPolicy(process.platform);
  const win = new BrowserWindow({
    ...(bounds ?? DEFAULT_SIZE),
    minWidth: 800,
    minHeight: 560,
    show: false,
    title: 'Vitrine',
    backgroundColor: '#f6f4ef',
    webPreferences: {
      preload: join(__dirname, 'preload.cjs'),
      // Security decision: written out explicitly although they are Electron's defaults.
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // Middle-click cannot open a window (the open handler denies it anyway) nor fire auxclick.
      disableBlinkFeatures: 'Auxclick',
      spellcheck: policy.enabled,
    },
  });
  const id = win.webContents.id;
  ownContents.add(id);
  const gate = createEventGate<OutgoingEvent>(deliverTo(win.webContents));
  gates.set(id, gate);
  // A reload (development) starts a page without listeners: hold events until it speaks again.
  win.webContents.on('did-start-loading', () => gate.close());
  mainWindow = win;
  win.on('closed', () => {
    ownContents.delete(id);
    gates.delete(id);
    if (mainWindow === win) mainWindow = null;
  });
  attachContextMenu(win);
  // A crashed page is reloaded in a new process, not left blank (renderer-gone.ts).
  const gone = rendererGoneTracker();
  win.webContents.on('render-process-gone', (_event, details) => {
    const action = gone.decide(details.reason);
    log('renderer gone', details.reason);
    if (action === 'reload' && !win.isDestroyed()) win.webContents.reload();
    else if (action === 'give-up')
      dialog.showErrorBox('Vitrine', rendererGoneMessage(details.reason, uiLanguage));
  });
  win.once('ready-to-show', () => {
    if (saved?.maximized) win.maximize();
    win.show();
  });
  const remember = () => {
    if (win.isDestroyed()) return;
    const state = { bounds: win.getNormalBounds(), maximized: win.isMaximized() };
    void saveWindowState(appDataDir, state).catch((error) => log('window state', error));
  };
  win.on('resized', remember);
  win.on('moved', remember);
  win.on('close', remember);
  await win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}

function applySpellcheckPolicy(): void {
  const policy = spellcheckPolicy(process.platform);
  const ses = session.defaultSession;
  // Before any window exists, so no dictionary download can start from Google's CDN.
  ses.setSpellCheckerDictionaryDownloadURL(policy.downloadUrl);
  ses.setSpellCheckerEnabled(policy.enabled);
  if (policy.languages) ses.setSpellCheckerLanguages(policy.languages);
}

async function start(): Promise<void> {
  const appDataDir = app.getPath('userData');
  const settings = await readSettings(appDataDir);
  uiLanguage = settings.uiLanguage ?? (app.getLocale().startsWith('en') ? 'en' : 'de');
  const rendererDir = join(app.getAppPath(), 'dist', 'renderer');

  // Security decision: the app asks for no permission (camera, notifications, …); deny them all.
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) =>
    callback(false),
  );
  session.defaultSession.setPermissionCheckHandler(() => false);
  applySpellcheckPolicy();

  const launchLibrary = libraryArg(process.argv, process.cwd());
  const worker = createWorkerHost(utilityWorker(join(__dirname, 'worker.cjs')));
  service = await createApiHandlers({
    appDataDir,
    lang: uiLanguage,
    dialogs: createNativeDialogs(
      () => mainWindow,
      () => uiLanguage,
      app.getPath('documents'),
    ),
    transport: 'electron',
    version: app.getVersion(),
    // Import, derivatives, export and zip in a utilityProcess (forked after `ready`).
    worker,
    // Publishing passwords encrypted with the OS's key (safeStorage), in the app data folder.
    secrets: createSecretStore(appDataDir, safeStorageCipher),
    ...(launchLibrary ? { libraryDirOnStart: launchLibrary } : {}),
    logError: log,
    onUiLanguageChanged: (lang) => {
      uiLanguage = lang;
      void refreshMenu();
    },
  });
  const api = service;
  api.on('libraryChanged', () => void refreshMenu().catch((error) => log('menu', error)));

  handleAppProtocol(session.defaultSession, {
    rendererDir,
    libraryDir: () => api.libraryDir(),
    log: (e) => log('protocol', e),
  });
  // Registered before the window exists; answers from the page's first message on.
  registerIpc(
    api,
    (event) => ownContents.has(event.sender.id),
    (event) => gates.get(event.sender.id)?.open(),
  );
  forwardEvents(api, () => (mainWindow ? (gates.get(mainWindow.webContents.id) ?? null) : null));
  await refreshMenu();
  const win = createWindow(appDataDir);
  // While the page loads: start the worker and its image backend for the first import/export.
  worker.warm();
  if (pendingLibrary) {
    const dir = pendingLibrary;
    pendingLibrary = null;
    void openLibraryFromLaunch(dir).catch((error) => log('second instance', error));
  }
  await win;
}

const ownLaunchLibrary = libraryArg(process.argv, process.cwd());
if (!app.requestSingleInstanceLock(ownLaunchLibrary ? { library: ownLaunchLibrary } : {})) {
  app.quit();
} else {
  app.on('second-instance', (_event, argv, workingDirectory, additionalData) => {
    const dir = libraryFromSecondInstance(argv, workingDirectory, additionalData);
    if (dir) void openLibraryFromLaunch(dir).catch((error) => log('second instance', error));
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
  app.on('window-all-closed', () => app.quit());
  let closing = false;
  app.on('before-quit', (event) => {
    // Release the library lock and flush pending writes before the process ends.
    if (closing || !service) return;
    event.preventDefault();
    closing = true;
    void service
      .close()
      .catch((error) => log('close', error))
      .finally(() => app.quit());
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      log('start', error);
      dialog.showErrorBox(
        'Vitrine',
        isAppError(error) ? error.messageIn(uiLanguage) : String(error),
      );
      app.exit(1);
    });
}
