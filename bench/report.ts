/** One measured figure; printed as a table row and as one JSON line for machines. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  target?: number;
  better: 'lower' | 'higher';
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function meets(f: Figure): boolean | undefined {
  if (f.target === undefined) return undefined;
  return f.better === 'lower' ? f.value <= f.target : f.value >= f.target;
}

export function printTable(figures: Figure[], out: (s: string) => void): void {
  const rows = figures.map((f) => {
    const ok = meets(f);
    return [
      f.name,
      `${round(f.value)} ${f.unit}`,
      f.target === undefined ? '' : `${f.better === 'lower' ? '≤' : '≥'} ${f.target} ${f.unit}`,
      ok === undefined ? '' : ok ? 'ok' : 'MISSED',
    ];
  });
  const header = ['benchmark', 'value', 'target', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  out(`${line(header)}\n${widths.map((w) => '─'.repeat(w)).join('  ')}\n`);
  for (const r of rows) out(`${line(r)}\n`);
}

export function round(value: number): number {
  return value >= 100 ? Math.round(value) : Math.round(value * 100) / 100;
}

export function jsonLine(f: Figure): string {
  const { name, value, unit, target, better } = f;
  return JSON.stringify({ name, value: round(value), unit, target: target ?? null, better });
}
