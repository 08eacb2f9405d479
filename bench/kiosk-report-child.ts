import { readKioskReport } from '../electron/core/kiosk/report';

// A separate entry so the measured process holds only the statistics reader and the report.
const t0 = performance.now();
const { report } = await readKioskReport(process.argv[2]!);
const ms = performance.now() - t0;
process.stdout.write(
  JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024, events: report.events }),
);
