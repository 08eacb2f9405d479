import { createReportBuilder, type KioskReport } from '../../../shared/kiosk/report';
import { readStats, type ReadResult } from './stats-store';

/** The report of a player's data folder (or a copy on a USB stick), with what could not be read. */
export async function readKioskReport(
  folder: string,
): Promise<{ report: KioskReport; read: ReadResult }> {
  const builder = createReportBuilder();
  const read = await readStats(
    folder,
    (e) => builder.add(e),
    (line) => builder.addScanned(line),
  );
  return { report: builder.finish(), read };
}
