import { AppError } from '../../../shared/errors';

/**
 * The native dialogs main owns. The page never sends a path: it asks main to ask the person, and
 * gets back ids and summaries. Electron implements these with `dialog.*`; the web host has none.
 */
export interface Dialogs {
  /** A folder that holds a library; null when cancelled. */
  chooseLibraryFolder(): Promise<string | null>;
  /** Where to create a new library (a folder that does not exist yet, or an empty one). */
  chooseNewLibraryFolder(suggestedName: string): Promise<string | null>;
  /** Files to import as media; null or [] when cancelled. */
  chooseMediaFiles(): Promise<string[] | null>;
  /**
   * Where to write an export bundle (a folder, or a `.zip` file with `zip`); null when cancelled.
   * Absent where there are no native dialogs (the web host): exports then go to the app data
   * folder.
   */
  chooseExportTarget?(suggested: { name: string; zip: boolean }): Promise<string | null>;
  /** Shows a file or folder in the system's file manager. Absent in the web host. */
  showInFolder?(path: string): void;
  /** One table (CSV, TSV, .xlsx, .ods) or exchange package to open; null when cancelled. */
  chooseFile?(kind: 'table' | 'package'): Promise<string | null>;
  /** The folder a table's media cells resolve in; null when cancelled. */
  chooseMediaFolder?(): Promise<string | null>;
  /** Where to write an exchange package (`<name>.vitrine`); null when cancelled. */
  choosePackageTarget?(suggestedName: string): Promise<string | null>;
  /** A kiosk player's data folder for the "Statistik" view; null when cancelled. Absent in the web host. */
  chooseStatsFolder?(): Promise<string | null>;
}

export function noDialogs(): AppError {
  return new AppError('FORBIDDEN', {
    de:
      'Im Browser gibt es keine Ordner- und Dateiauswahl. Starten Sie „vitrine web ORDNER“ mit der ' +
      'gewünschten Bibliothek oder öffnen Sie die Beispielbibliothek.',
    en:
      'The browser version has no folder or file dialogs. Start “vitrine web FOLDER” with the ' +
      'library you want, or open the sample library.',
  });
}

/** For the web host: every dialog answers a clear FORBIDDEN error. */
export const webDialogs: Dialogs = {
  chooseLibraryFolder: () => Promise.reject(noDialogs()),
  chooseNewLibraryFolder: () => Promise.reject(noDialogs()),
  chooseMediaFiles: () => Promise.reject(noDialogs()),
};
