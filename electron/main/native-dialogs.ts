import { join } from 'node:path';
import { dialog, shell, type BrowserWindow } from 'electron';
import { slugify } from '../../shared/domain';
import type { UiLanguage } from '../../shared/errors';
import type { Dialogs } from '../core/api';

const MEDIA_EXTENSIONS = [
  'jpg',
  'jpeg',
  'png',
  'webp',
  'tif',
  'tiff',
  'gif',
  'avif',
  'heic',
  'mp3',
  'm4a',
  'wav',
  'ogg',
  'flac',
  'mp4',
  'm4v',
  'webm',
  'mov',
  'pdf',
];

/** Native folder and file dialogs, owned by main: the page receives ids, never chooses paths. */
export function createNativeDialogs(
  window: () => BrowserWindow | null,
  lang: () => UiLanguage,
  documentsDir: string,
): Dialogs {
  const de = () => lang() === 'de';
  // Attached to the window when there is one, so the dialog is modal to it.
  const open = (win: BrowserWindow | null, options: Electron.OpenDialogOptions) =>
    win ? dialog.showOpenDialog(win, options) : dialog.showOpenDialog(options);
  const firstPath = (result: Electron.OpenDialogReturnValue) =>
    result.canceled ? null : (result.filePaths[0] ?? null);
  return {
    async chooseLibraryFolder() {
      const win = window();
      const options: Electron.OpenDialogOptions = {
        title: de() ? 'Bibliothek öffnen' : 'Open Library',
        buttonLabel: de() ? 'Öffnen' : 'Open',
        properties: ['openDirectory'],
        defaultPath: documentsDir,
      };
      return firstPath(await open(win, options));
    },
    async chooseNewLibraryFolder(suggestedName) {
      const win = window();
      const options: Electron.SaveDialogOptions = {
        title: de() ? 'Neue Bibliothek anlegen' : 'Create New Library',
        buttonLabel: de() ? 'Anlegen' : 'Create',
        defaultPath: join(documentsDir, slugify(suggestedName)),
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const result = win
        ? await dialog.showSaveDialog(win, options)
        : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async chooseMediaFiles() {
      const win = window();
      const options: Electron.OpenDialogOptions = {
        title: de() ? 'Medien importieren' : 'Import Media',
        buttonLabel: de() ? 'Importieren' : 'Import',
        properties: ['openFile', 'multiSelections'],
        filters: [
          {
            name: de() ? 'Bilder, Ton, Video, PDF' : 'Images, audio, video, PDF',
            extensions: MEDIA_EXTENSIONS,
          },
          { name: de() ? 'Alle Dateien' : 'All files', extensions: ['*'] },
        ],
      };
      const result = win
        ? await dialog.showOpenDialog(win, options)
        : await dialog.showOpenDialog(options);
      return result.canceled ? null : result.filePaths;
    },
    async chooseExportTarget({ name, zip }) {
      const win = window();
      // A save dialog for both: it lets the person name a new folder (or zip file), and its
      // overwrite question is followed by the page's own confirmation before anything is replaced.
      const options: Electron.SaveDialogOptions = {
        title: de() ? 'Ausstellung exportieren' : 'Export Exhibition',
        buttonLabel: de() ? 'Exportieren' : 'Export',
        defaultPath: join(documentsDir, zip ? `${name}.zip` : name),
        properties: ['createDirectory', 'showOverwriteConfirmation'],
        ...(zip ? { filters: [{ name: 'ZIP', extensions: ['zip'] }] } : {}),
      };
      const result = win
        ? await dialog.showSaveDialog(win, options)
        : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    showInFolder(path) {
      shell.showItemInFolder(path);
    },
    async chooseFile(kind) {
      const win = window();
      const table = kind === 'table';
      const options: Electron.OpenDialogOptions = {
        title: table
          ? de()
            ? 'Tabelle importieren'
            : 'Import Table'
          : de()
            ? 'Paket importieren'
            : 'Import Package',
        buttonLabel: de() ? 'Öffnen' : 'Open',
        properties: ['openFile'],
        defaultPath: documentsDir,
        filters: [
          table
            ? {
                name: de() ? 'Tabellen' : 'Tables',
                extensions: ['csv', 'tsv', 'txt', 'xlsx', 'ods', 'xls'],
              }
            : { name: de() ? 'Vitrine-Pakete' : 'Vitrine packages', extensions: ['vitrine'] },
          { name: de() ? 'Alle Dateien' : 'All files', extensions: ['*'] },
        ],
      };
      return firstPath(await open(win, options));
    },
    async chooseMediaFolder() {
      const win = window();
      const options: Electron.OpenDialogOptions = {
        title: de() ? 'Medienordner der Tabelle' : 'Media Folder of the Table',
        buttonLabel: de() ? 'Auswählen' : 'Choose',
        properties: ['openDirectory'],
        defaultPath: documentsDir,
      };
      return firstPath(await open(win, options));
    },
    async chooseStatsFolder() {
      const win = window();
      const options: Electron.OpenDialogOptions = {
        title: de() ? 'Statistik eines Kiosk-Players laden' : 'Load Kiosk Player Statistics',
        buttonLabel: de() ? 'Laden' : 'Load',
        properties: ['openDirectory'],
      };
      return firstPath(await open(win, options));
    },
    async choosePackageTarget(suggestedName) {
      const win = window();
      const options: Electron.SaveDialogOptions = {
        title: de() ? 'Paket exportieren' : 'Export Package',
        buttonLabel: de() ? 'Speichern' : 'Save',
        defaultPath: join(documentsDir, suggestedName),
        properties: ['createDirectory', 'showOverwriteConfirmation'],
        filters: [{ name: de() ? 'Vitrine-Pakete' : 'Vitrine packages', extensions: ['vitrine'] }],
      };
      const result = win
        ? await dialog.showSaveDialog(win, options)
        : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
  };
}
