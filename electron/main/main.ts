import { join } from 'node:path';
import { app, BrowserWindow, dialog, screen, session, shell, type WebContents } from 'electron';
import { APP_ORIGIN } from '../../shared/api';
import type { UiLanguage } from '../../shared/errors';
import { isAppError } from '../../shared/errors';
import { createApiHandlers, readSettings, type ApiService } from '../core/api';
import type { MenuAction } from './menu-template';
import { installMenu } from './menu';
import { createNativeDialogs } from './native-dialogs';
import { forwardEvents, registerIpc } from './ipc';
import { handleAppProtocol, registerAppScheme } from './protocol';
import { decideNavigation } from './security';
import { DEFAULT_SIZE, loadWindowState, saveWindowState, visibleBounds } from './window-state';

/*
 * Thin adapter: lifecycle, one window, menus, dialogs, protocol and IPC. Everything that decides
 * something lives in electron/core or in the Electron-free modules next to this file.
 */

// Tests and portable setups point the profile elsewhere before anything reads it.
if (process.env.VITRINE_APP_DATA) app.setPath('userData', process.env.VITRINE_APP_DATA);

// Every renderer sandboxed, whatever a window's options say.
app.enableSandbox();
registerAppScheme();

const development = !app.isPackaged && process.env.NODE_ENV !== 'production';
let mainWindow: BrowserWindow | null = null;
let service: ApiService | null = null;
let uiLanguage: UiLanguage = 'de';

function log(context: string, error: unknown): void {
  console.error(`[vitrine] ${context}:`, error);
}

/** Security decision: no navigation, no new windows, no webviews; web links go to the browser. */
function hardenContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    const decision = decideNavigation(url);
    if (decision.action === 'open-external') void shell.openExternal(decision.url);
  });
  contents.on('will-redirect', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    const decision = decideNavigation(url);
    if (decision.action === 'open-external') void shell.openExternal(decision.url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

function send(action: 'undo' | 'redo' | 'export' | 'about' | 'newLibrary' | 'restoreBackup'): void {
  service?.emit('menu', { command: action });
}

async function runMenuAction(action: MenuAction): Promise<void> {
  if (!service) return;
  const call = async (method: string, input: unknown = {}) => {
    const result = await service!.dispatch(method, input);
    if (!result.ok && result.error.code !== 'CANCELLED') {
      dialog.showErrorBox('Vitrine', result.error.message);
    }
    await refreshMenu();
  };
  switch (action.type) {
    case 'openLibrary':
      return call('library.openDialog');
    case 'openSample':
      return call('library.openSample');
    case 'openRecent':
      return call('library.openRecent', { id: action.id });
    case 'openLibraryFolder': {
      const dir = service.libraryDir();
      if (dir) await shell.openPath(dir);
      return;
    }
    case 'newLibrary':
    case 'export':
    case 'undo':
    case 'redo':
    case 'about':
    case 'restoreBackup':
      return send(action.type);
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

async function createWindow(appDataDir: string): Promise<BrowserWindow> {
  const saved = await loadWindowState(appDataDir);
  const areas = screen.getAllDisplays().map((d) => d.workArea);
  const bounds = visibleBounds(saved?.bounds, areas);
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
      spellcheck: true,
    },
  });
  if (saved?.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
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

  const libraryArg = process.argv
    .find((arg, i) => i > 0 && arg.startsWith('--library='))
    ?.slice('--library='.length);
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
    ...(libraryArg ? { libraryDirOnStart: libraryArg } : {}),
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
  registerIpc(api, (event) => mainWindow !== null && event.sender === mainWindow.webContents);
  forwardEvents(api, () => mainWindow);
  await refreshMenu();
  mainWindow = await createWindow(appDataDir);
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
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
