import { describe, expect, it } from 'vitest';
import {
  buildMenuTemplate,
  type MenuEntry,
  type MenuState,
} from '../../../../electron/main/menu-template';

const base: MenuState = {
  lang: 'de',
  platform: 'linux',
  recent: [],
  libraryOpen: false,
  development: false,
};

function find(entries: MenuEntry[], label: string): Extract<MenuEntry, { kind: 'item' }> {
  for (const e of entries) {
    if (e.kind !== 'item') continue;
    if (e.label === label) return e;
    if (e.submenu) {
      try {
        return find(e.submenu, label);
      } catch {
        // keep looking
      }
    }
  }
  throw new Error(`no menu entry ${label}`);
}

const labels = (entries: MenuEntry[]) =>
  entries.flatMap((e) => (e.kind === 'item' ? [e.label] : []));

describe('menu template', () => {
  it('has File, Edit, View, Help in German and English', () => {
    expect(labels(buildMenuTemplate(base))).toEqual(['Datei', 'Bearbeiten', 'Ansicht', 'Hilfe']);
    expect(labels(buildMenuTemplate({ ...base, lang: 'en' }))).toEqual([
      'File',
      'Edit',
      'View',
      'Help',
    ]);
    const file = find(buildMenuTemplate(base), 'Datei');
    expect(labels(file.submenu!)).toEqual([
      'Neue Bibliothek …',
      'Bibliothek öffnen …',
      'Beispielbibliothek öffnen',
      'Zuletzt geöffnet',
      'Exportieren …',
      'Aus Sicherung wiederherstellen …',
      'Paket importieren …',
      'Paket exportieren …',
      'Beenden',
    ]);
    const help = find(buildMenuTemplate({ ...base, lang: 'en' }), 'Help');
    expect(labels(help.submenu!)).toEqual(['Open Library Folder', 'About Vitrine']);
  });

  it('sends undo and redo to the page and keeps clipboard roles native', () => {
    const t = buildMenuTemplate(base);
    expect(find(t, 'Rückgängig').action).toEqual({ type: 'undo' });
    expect(find(t, 'Wiederholen').action).toEqual({ type: 'redo' });
    expect(find(t, 'Kopieren').role).toBe('copy');
    expect(find(t, 'Einfügen').role).toBe('paste');
  });

  it('lists recent libraries by id and disables library-only entries when none is open', () => {
    const t = buildMenuTemplate({ ...base, recent: [{ id: 'abc', name: 'Leeds 50' }] });
    expect(find(t, 'Leeds 50').action).toEqual({ type: 'openRecent', id: 'abc' });
    expect(find(t, 'Exportieren …').enabled).toBe(false);
    expect(find(t, 'Bibliotheksordner öffnen').enabled).toBe(false);
    const open = buildMenuTemplate({ ...base, libraryOpen: true });
    expect(find(open, 'Exportieren …').enabled).toBe(true);
    // File ▸ Restore from backup … goes to the page, which shows the list and the preview.
    expect(find(t, 'Aus Sicherung wiederherstellen …').enabled).toBe(false);
    expect(find(open, 'Aus Sicherung wiederherstellen …')).toMatchObject({
      enabled: true,
      action: { type: 'restoreBackup' },
    });
    const en = buildMenuTemplate({ ...base, lang: 'en', libraryOpen: true });
    expect(find(en, 'Restore from backup …').action).toEqual({ type: 'restoreBackup' });
    expect(find(buildMenuTemplate(base), 'Keine Einträge').enabled).toBe(false);
    // File ▸ Import/Export package … go to the page, which shows their dialogs.
    expect(find(t, 'Paket importieren …').enabled).toBe(false);
    expect(find(open, 'Paket importieren …').action).toEqual({ type: 'importPackage' });
    expect(find(open, 'Paket exportieren …').action).toEqual({ type: 'exportPackage' });
    expect(find(en, 'Import package …')).toMatchObject({ enabled: true });
    expect(find(en, 'Export package …').action).toEqual({ type: 'exportPackage' });
  });

  it('offers developer tools only in development, and the app menu on macOS', () => {
    expect(() => find(buildMenuTemplate(base), 'Entwicklerwerkzeuge')).toThrow();
    expect(
      find(buildMenuTemplate({ ...base, development: true }), 'Entwicklerwerkzeuge').role,
    ).toBe('toggleDevTools');
    const mac = buildMenuTemplate({ ...base, platform: 'darwin', lang: 'en' });
    expect(labels(mac)).toEqual(['Vitrine', 'File', 'Edit', 'View', 'Window', 'Help']);
    expect(() => find(mac, 'Quit')).toThrow();
  });
});
