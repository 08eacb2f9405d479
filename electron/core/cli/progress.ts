import type { CliContext } from './context';

/**
 * A one-line progress bar on a terminal, plain lines elsewhere (CI logs, pipes), so long work is
 * visible without flooding logs.
 */
export function createProgressBar(ctx: CliContext, label: string) {
  let lastLine = '';
  let lastPlain = -1;
  return {
    update(done: number, total: number, step?: string) {
      const ratio = total > 0 ? Math.min(1, done / total) : 0;
      const pct = Math.round(ratio * 100);
      if (ctx.isTTY) {
        const width = 24;
        const filled = Math.round(ratio * width);
        const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
        const line = `${label} ${bar} ${String(pct).padStart(3)}%${step ? `  ${step}` : ''}`;
        if (line !== lastLine) ctx.stderr(`\r${line.slice(0, 120).padEnd(lastLine.length)}`);
        lastLine = line;
      } else if (pct >= lastPlain + 10 || done === total) {
        lastPlain = pct;
        ctx.stderr(`${label} ${pct}%${step ? ` ${step}` : ''}\n`);
      }
    },
    done() {
      if (ctx.isTTY && lastLine) ctx.stderr('\n');
    },
  };
}
