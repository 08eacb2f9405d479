import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readKioskReport } from '../electron/core/kiosk/report';

// A separate entry so the measured process holds only the statistics reader and the report.
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const c0 = cpuMs();
const t0 = performance.now();
const { report } = await readKioskReport(process.argv[2]!);
const ms = performance.now() - t0;
const cpu = cpuMs() - c0;
const maxRssMb = process.resourceUsage().maxRSS / 1024;

// The reference in the same process and moment: only reading the same files and splitting them
// into lines (no parsing), so the ratio shows what the report itself costs on a loaded machine.
const stats = join(process.argv[2]!, 'stats');
const c1 = cpuMs();
const t1 = performance.now();
let lines = 0;
for (const name of (await readdir(stats)).sort())
  lines += (await readFile(join(stats, name), 'utf8')).split('\n').length - 1;
const referenceMs = performance.now() - t1;
const referenceCpuMs = cpuMs() - c1;
if (lines !== report.events) throw new Error(`reference read ${lines} lines`);

process.stdout.write(
  JSON.stringify({ ms, cpuMs: cpu, referenceMs, referenceCpuMs, maxRssMb, events: report.events }),
);
