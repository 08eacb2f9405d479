import { readdirSync } from 'node:fs';
import os from 'node:os';

/**
 * The worker runs below normal priority (nice 10 on Linux and macOS, BELOW_NORMAL on Windows), so
 * the process that owns the window or serves HTTP wins the CPU whenever both want it: on a busy
 * machine an export's image threads otherwise stretch the answer to a click to hundreds of
 * milliseconds although that process itself is idle (measured with the bench's event-loop monitor,
 * bench/desktop.ts). On Linux a priority belongs to a thread (setpriority(2), "a thread ID" under
 * PRIO_PROCESS) and new threads inherit their creator's: called first thing in the worker, before
 * libuv's and libvips' thread pools exist, it also lowers the threads V8 started already.
 */
export const WORKER_NICE = 10;

export function lowerOwnPriority(): boolean {
  try {
    const nice = Math.max(os.getPriority(0), WORKER_NICE);
    os.setPriority(0, nice);
    if (process.platform === 'linux')
      for (const tid of readdirSync('/proc/self/task')) os.setPriority(Number(tid), nice);
    return true;
  } catch {
    // Not allowed (a sandbox or a policy): the worker still works, only at normal priority.
    return false;
  }
}
