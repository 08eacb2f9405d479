import type { UiLanguage } from '../../shared/errors';

/**
 * The native menu as plain data, in German and English. `menu.ts` turns it into Electron menu
 * items; keeping the structure here lets tests check every label and action without Electron.
 */
export type MenuAction =
  | { type: 'newLibrary' }
  | { type: 'openLibrary' }
  | { type: 'openSample' }
  | { type: 'openRecent'; id: string }
  | { type: 'export' }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'about' }
  | { type: 'openLibraryFolder' }
  | { type: 'restoreBackup' }
  | { type: 'importPackage' }
  | { type: 'exportPackage' };

/** Electron roles used here; native behaviour (clipboard, zoom, quit) comes from the OS. */
export type MenuRole =
  | 'cut'
  | 'copy'
  | 'paste'
  | 'selectAll'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'
  | 'togglefullscreen'
  | 'toggleDevTools'
  | 'reload'
  | 'quit'
  | 'close'
  | 'minimize'
  | 'hide'
  | 'hideOthers'
  | 'unhide'
  | 'services'
  | 'appMenu'
  | 'windowMenu';

export type MenuEntry =
  | { kind: 'separator' }
  | {
      kind: 'item';
      label: string;
      action?: MenuAction;
      role?: MenuRole;
      accelerator?: string;
      enabled?: boolean;
      submenu?: MenuEntry[];
    };

export interface MenuState {
  lang: UiLanguage;
  platform: NodeJS.Platform;
  recent: ReadonlyArray<{ id: string; name: string }>;
  libraryOpen: boolean;
  /** Reload and developer tools only in development builds. */
  development: boolean;
}

const L = {
  file: { de: 'Datei', en: 'File' },
  newLibrary: { de: 'Neue Bibliothek …', en: 'New Library…' },
  openLibrary: { de: 'Bibliothek öffnen …', en: 'Open Library…' },
  openSample: { de: 'Beispielbibliothek öffnen', en: 'Open Sample Library' },
  recent: { de: 'Zuletzt geöffnet', en: 'Open Recent' },
  noRecent: { de: 'Keine Einträge', en: 'No Entries' },
  export: { de: 'Exportieren …', en: 'Export…' },
  quit: { de: 'Beenden', en: 'Quit' },
  edit: { de: 'Bearbeiten', en: 'Edit' },
  undo: { de: 'Rückgängig', en: 'Undo' },
  redo: { de: 'Wiederholen', en: 'Redo' },
  cut: { de: 'Ausschneiden', en: 'Cut' },
  copy: { de: 'Kopieren', en: 'Copy' },
  paste: { de: 'Einfügen', en: 'Paste' },
  selectAll: { de: 'Alles auswählen', en: 'Select All' },
  view: { de: 'Ansicht', en: 'View' },
  resetZoom: { de: 'Originalgröße', en: 'Actual Size' },
  zoomIn: { de: 'Vergrößern', en: 'Zoom In' },
  zoomOut: { de: 'Verkleinern', en: 'Zoom Out' },
  fullscreen: { de: 'Vollbild', en: 'Toggle Full Screen' },
  reload: { de: 'Neu laden', en: 'Reload' },
  devTools: { de: 'Entwicklerwerkzeuge', en: 'Developer Tools' },
  window: { de: 'Fenster', en: 'Window' },
  help: { de: 'Hilfe', en: 'Help' },
  about: { de: 'Über Vitrine', en: 'About Vitrine' },
  openFolder: { de: 'Bibliotheksordner öffnen', en: 'Open Library Folder' },
  restoreBackup: { de: 'Aus Sicherung wiederherstellen …', en: 'Restore from backup …' },
  importPackage: { de: 'Paket importieren …', en: 'Import package …' },
  exportPackage: { de: 'Paket exportieren …', en: 'Export package …' },
} satisfies Record<string, Record<UiLanguage, string>>;

const SEP: MenuEntry = { kind: 'separator' };

export function buildMenuTemplate(state: MenuState): MenuEntry[] {
  const t = (key: keyof typeof L) => L[key][state.lang];
  const mac = state.platform === 'darwin';
  const item = (
    key: keyof typeof L,
    extra: Omit<Extract<MenuEntry, { kind: 'item' }>, 'kind' | 'label'> = {},
  ): MenuEntry => ({
    kind: 'item',
    label: t(key),
    ...extra,
  });

  const recent: MenuEntry[] =
    state.recent.length > 0
      ? state.recent.slice(0, 10).map((r) => ({
          kind: 'item' as const,
          label: r.name,
          action: { type: 'openRecent' as const, id: r.id },
        }))
      : [item('noRecent', { enabled: false })];

  const file: MenuEntry = item('file', {
    submenu: [
      item('newLibrary', { action: { type: 'newLibrary' }, accelerator: 'CmdOrCtrl+N' }),
      item('openLibrary', { action: { type: 'openLibrary' }, accelerator: 'CmdOrCtrl+O' }),
      item('openSample', { action: { type: 'openSample' } }),
      item('recent', { submenu: recent }),
      SEP,
      item('export', {
        action: { type: 'export' },
        accelerator: 'CmdOrCtrl+E',
        enabled: state.libraryOpen,
      }),
      item('restoreBackup', { action: { type: 'restoreBackup' }, enabled: state.libraryOpen }),
      item('importPackage', { action: { type: 'importPackage' }, enabled: state.libraryOpen }),
      item('exportPackage', { action: { type: 'exportPackage' }, enabled: state.libraryOpen }),
      ...(mac ? [] : [SEP, item('quit', { role: 'quit' })]),
    ],
  });

  // Undo and redo go to the page: the library's history lives there, not in a text field.
  const edit: MenuEntry = item('edit', {
    submenu: [
      item('undo', { action: { type: 'undo' }, accelerator: 'CmdOrCtrl+Z' }),
      item('redo', {
        action: { type: 'redo' },
        accelerator: mac ? 'Shift+CmdOrCtrl+Z' : 'CmdOrCtrl+Y',
      }),
      SEP,
      item('cut', { role: 'cut' }),
      item('copy', { role: 'copy' }),
      item('paste', { role: 'paste' }),
      item('selectAll', { role: 'selectAll' }),
    ],
  });

  const view: MenuEntry = item('view', {
    submenu: [
      ...(state.development
        ? [item('reload', { role: 'reload' }), item('devTools', { role: 'toggleDevTools' }), SEP]
        : []),
      item('resetZoom', { role: 'resetZoom' }),
      item('zoomIn', { role: 'zoomIn' }),
      item('zoomOut', { role: 'zoomOut' }),
      SEP,
      item('fullscreen', { role: 'togglefullscreen' }),
    ],
  });

  const help: MenuEntry = item('help', {
    submenu: [
      item('openFolder', { action: { type: 'openLibraryFolder' }, enabled: state.libraryOpen }),
      SEP,
      item('about', { action: { type: 'about' } }),
    ],
  });

  const menus = [file, edit, view];
  if (mac) menus.unshift({ kind: 'item', label: 'Vitrine', role: 'appMenu' });
  if (mac) menus.push({ kind: 'item', label: t('window'), role: 'windowMenu' });
  menus.push(help);
  return menus;
}
