import { EventEmitter } from 'node:events';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../../../../shared/api/transport';

/**
 * A stand-in for the `electron` module that follows the order Electron documents, for driving
 * `electron/main/main.ts` without the binary:
 * - `app.whenReady()` resolves after the module's top level has run;
 * - `new BrowserWindow()` creates its `webContents` at once (`app` emits `web-contents-created`);
 * - `loadURL()` returns a promise that resolves on `did-finish-load` (docs/api/web-contents.md:
 *   "the promise will resolve when the page has finished loading (see did-finish-load)"). Before
 *   that the page's preload and module script run — and the renderer's first IPC calls
 *   (`app.setUiLanguage`, `session.state` in `store/session.ts`) arrive — and `ready-to-show` is
 *   emitted after the first paint (docs/api/browser-window.md "Using the ready-to-show event").
 * What the "page" does during loading is the `page` script given to `createFakeElectron`.
 */
export interface FakeFrame {
  url: string;
  parent: null | object;
}

export interface PageScript {
  (contents: FakeWebContents): Promise<void>;
}

export class FakeWebContents extends EventEmitter {
  static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  readonly sent: Array<{ channel: string; args: unknown[] }> = [];
  url = '';
  destroyed = false;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  readonly replaced: string[] = [];
  constructor(private readonly fake: FakeElectron) {
    super();
  }
  send(channel: string, ...args: unknown[]) {
    this.sent.push({ channel, args });
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  isDestroyed() {
    return this.destroyed;
  }
  replaceMisspelling(word: string) {
    this.replaced.push(word);
  }
  /** After 'render-process-gone' a reload loads the page in a new renderer process (docs). */
  reloads = 0;
  reload() {
    this.reloads++;
    this.emit('did-start-loading');
    // The new page runs its start-up again (its first IPC calls), then finishes loading.
    void this.fake.page(this).then(() => this.emit('did-finish-load'));
  }
  /** What the page's `ipcRenderer.invoke(IPC_INVOKE_CHANNEL, method, input)` does. */
  async invoke(method: string, input: unknown = {}, frame?: Partial<FakeFrame>): Promise<unknown> {
    const handler = this.fake.ipcHandlers.get(IPC_INVOKE_CHANNEL);
    if (!handler) throw new Error('no handler registered for the invoke channel');
    const event = {
      sender: this,
      senderFrame: { url: this.url, parent: null, ...frame },
    };
    return handler(event, method, input);
  }
  /** Events main pushed to the page, by name. */
  events(): Array<{ name: string; payload: unknown }> {
    return this.sent
      .filter((m) => m.channel === IPC_EVENT_CHANNEL)
      .map((m) => ({ name: m.args[0] as string, payload: m.args[1] }));
  }
}

export class FakeElectron {
  readonly log: string[] = [];
  readonly ipcHandlers = new Map<string, (...args: unknown[]) => unknown>();
  readonly windows: FakeBrowserWindow[] = [];
  readonly app: FakeApp;
  readonly appliedMenus: unknown[] = [];
  readonly spell: Record<string, unknown> = {};
  readonly opened: string[] = [];
  readonly errorBoxes: string[] = [];
  constructor(
    readonly page: PageScript,
    readonly paths: { userData: string; documents: string; appPath: string },
  ) {
    this.app = new FakeApp(this);
  }

  module(): Record<string, unknown> {
    return electronModule(this);
  }
}

function electronModule(fake: FakeElectron): Record<string, unknown> {
  class BrowserWindow extends FakeBrowserWindow {
    constructor(options: Record<string, unknown>) {
      super(fake, options);
    }
  }
  const session = {
    setPermissionRequestHandler: () => undefined,
    setPermissionCheckHandler: () => undefined,
    protocol: { handle: () => undefined },
    setSpellCheckerEnabled: (on: boolean) => (fake.spell.enabled = on),
    setSpellCheckerDictionaryDownloadURL: (url: string) => (fake.spell.url = url),
    setSpellCheckerLanguages: (langs: string[]) => (fake.spell.languages = langs),
    addWordToSpellCheckerDictionary: (word: string) => (fake.spell.added = word),
  };
  return {
    app: fake.app,
    BrowserWindow,
    ipcMain: {
      handle: (channel: string, handler: (...args: unknown[]) => unknown) =>
        fake.ipcHandlers.set(channel, handler),
    },
    protocol: { registerSchemesAsPrivileged: () => undefined },
    // Records forks; the worker itself is tested through child_process elsewhere.
    utilityProcess: {
      fork: (modulePath: string) => {
        fake.log.push(`fork ${modulePath.split(/[\\/]/).pop()}`);
        const child = new EventEmitter() as EventEmitter & {
          postMessage(m: unknown): void;
          kill(): boolean;
        };
        child.postMessage = () => undefined;
        child.kill = () => true;
        return child;
      },
    },
    session: { defaultSession: session },
    screen: {
      getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }],
    },
    Menu: {
      buildFromTemplate: (template: unknown) => ({ template, popup: () => undefined }),
      setApplicationMenu: (menu: unknown) => fake.appliedMenus.push(menu),
    },
    dialog: {
      showErrorBox: (_title: string, message: string) => fake.errorBoxes.push(message),
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
      showSaveDialog: async () => ({ canceled: true }),
    },
    shell: {
      openExternal: async () => undefined,
      openPath: async (path: string) => {
        fake.opened.push(path);
        return '';
      },
      showItemInFolder: () => undefined,
    },
  };
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  userModelId: string | null = null;
  private readyResolve!: () => void;
  private readonly ready = new Promise<void>((resolve) => (this.readyResolve = resolve));
  constructor(private readonly fake: FakeElectron) {
    super();
  }
  setPath(name: string, value: string) {
    if (name === 'userData') this.fake.paths.userData = value;
  }
  getPath(name: string) {
    return name === 'userData' ? this.fake.paths.userData : this.fake.paths.documents;
  }
  getAppPath() {
    return this.fake.paths.appPath;
  }
  getLocale() {
    return 'de-DE';
  }
  getVersion() {
    return '0.0.0-test';
  }
  enableSandbox() {}
  setAppUserModelId(id: string) {
    this.userModelId = id;
  }
  requestSingleInstanceLock() {
    return true;
  }
  whenReady() {
    return this.ready;
  }
  /** Electron's `ready`: fired once the module's top level has finished. */
  becomeReady() {
    this.readyResolve();
  }
  quit() {
    this.fake.log.push('quit');
  }
  exit(code: number) {
    this.fake.log.push(`exit ${code}`);
  }
}

export class FakeBrowserWindow extends EventEmitter {
  readonly webContents: FakeWebContents;
  visible = false;
  maximized = false;
  destroyed = false;
  constructor(
    private readonly fake: FakeElectron,
    readonly options: Record<string, unknown>,
  ) {
    super();
    this.webContents = new FakeWebContents(fake);
    fake.windows.push(this);
    fake.app.emit('web-contents-created', {}, this.webContents);
  }
  async loadURL(url: string): Promise<void> {
    this.fake.log.push('loadURL');
    this.webContents.url = url;
    // Navigation starts asynchronously; the page's scripts run before did-finish-load.
    await new Promise((resolve) => setImmediate(resolve));
    this.webContents.emit('did-start-loading');
    await this.fake.page(this.webContents);
    this.fake.log.push('ready-to-show');
    this.emit('ready-to-show');
    this.webContents.emit('did-finish-load');
    this.fake.log.push('did-finish-load');
  }
  show() {
    this.fake.log.push('show');
    this.visible = true;
  }
  maximize() {
    // Electron: "This will also show (but not focus) the window if it isn't being displayed already."
    this.fake.log.push('maximize');
    this.maximized = true;
    this.visible = true;
  }
  isMaximized() {
    return this.maximized;
  }
  isMinimized() {
    return false;
  }
  restore() {}
  focus() {
    this.fake.log.push('focus');
  }
  isDestroyed() {
    return this.destroyed;
  }
  getNormalBounds() {
    return { x: 0, y: 0, width: 1280, height: 800 };
  }
}
