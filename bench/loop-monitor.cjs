// Preloaded (`node --require`) into the web host by bench/desktop.ts, never into the worker: the
// serving process's event-loop delay, measured from inside it (perf_hooks), so the figure is the
// lag the page feels from this process rather than the bench's own scheduling. On SIGUSR2 it
// prints one line `VITRINE_LOOP {json}` with the delays since the last report and starts anew.
'use strict';
if (!process.env.VITRINE_WORKER) {
  const { monitorEventLoopDelay } = require('node:perf_hooks');
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  process.on('SIGUSR2', () => {
    const ms = (ns) => Math.round(ns / 1e4) / 100;
    const figures = {
      p50: ms(histogram.percentile(50)),
      p99: ms(histogram.percentile(99)),
      max: ms(histogram.max),
      count: histogram.count,
    };
    histogram.reset();
    process.stdout.write(`VITRINE_LOOP ${JSON.stringify(figures)}\n`);
  });
}
