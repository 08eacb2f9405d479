import { stat } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { AppError } from '../../../shared/errors';
import { readKioskReport } from '../kiosk/report';
import type { Dialogs } from './dialogs';
import type { ApiHandlers } from './dispatch';

type KioskStatsMethods = 'kiosk.statsReport';

export interface KioskStatsHandlerDeps {
  dialogs: Dialogs;
}

function noStatsDialog(): AppError {
  return new AppError('FORBIDDEN', {
    de:
      'Im Browser gibt es keine Ordnerauswahl. Geben Sie den Pfad zum Datenordner des Players ' +
      'ein (z. B. /media/usb/vitrine-kiosk).',
    en:
      "The browser version has no folder dialog. Type the path to the player's data folder " +
      '(e.g. /media/usb/vitrine-kiosk).',
  });
}

/**
 * The "Statistik" view reads a folder the person named. Reading is all that happens there: only
 * day files (`YYYY-MM-DD.ndjson`) are opened, and only aggregates go back to the page, so a
 * wrong folder shows an empty report, never file contents.
 */
export function createKioskStatsHandlers(
  deps: KioskStatsHandlerDeps,
): Pick<ApiHandlers, KioskStatsMethods> {
  return {
    'kiosk.statsReport': async ({ folder }) => {
      let dir: string | null;
      if (folder === undefined) {
        if (!deps.dialogs.chooseStatsFolder) throw noStatsDialog();
        dir = await deps.dialogs.chooseStatsFolder();
        if (dir === null) return null;
      } else {
        if (!isAbsolute(folder))
          throw new AppError('PATH_REJECTED', {
            de: `„${folder}“ ist kein vollständiger Pfad. Geben Sie ihn ab der Wurzel an (z. B. /media/usb/vitrine-kiosk oder E:\\vitrine-kiosk).`,
            en: `“${folder}” is not a full path. Give it from the root (e.g. /media/usb/vitrine-kiosk or E:\\vitrine-kiosk).`,
          });
        dir = resolve(folder);
      }
      const isDir = await stat(dir).then(
        (s) => s.isDirectory(),
        () => false,
      );
      if (!isDir)
        throw new AppError('NOT_FOUND', {
          de: `Den Ordner „${dir}“ gibt es nicht (oder er ist kein Ordner). Ist der USB-Stick eingesteckt?`,
          en: `The folder “${dir}” does not exist (or is not a folder). Is the USB stick plugged in?`,
        });
      const { report, read } = await readKioskReport(dir);
      return { folder: dir, files: read.files, lines: read.lines, corrupt: read.corrupt, report };
    },
  };
}
