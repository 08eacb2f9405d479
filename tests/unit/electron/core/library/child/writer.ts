/**
 * A separate process for the lock and kill -9 tests, bundled with esbuild by the tests.
 *   hold  <dir>         open for writing, print READY, wait to be killed
 *   exit  <dir>         open for writing, then process.exit() without close()
 *   write <dir> <seed> [<scope> <n>]
 *                       apply edits forever; print OPEN <revision> once open, BEGIN <json> before
 *                       and ACK <revision> after each change. With a scope, stop dead at the n-th
 *                       file-system step (fs-atomic's fault hook) counted within that scope, print
 *                       PAUSE <phase> <step> <path> and block until killed:
 *                         any      every step from the start of the process
 *                         open     only steps while the library is being opened (lock, journal
 *                                  replay, the opening backup)
 *                         journal  only steps taken while a complete journal is on disk
 *                         log      only the fsyncs of change-log appends (the line is written)
 *                         log-mid  only the writes of a log line's second or later chunk (part
 *                                  of the line is written, the rest is not)
 *                       So the parent kills at a point the child reports, never after a delay.
 *                       The change log is compacted every 5 changes, so kills land in
 *                       compactions (and their journals) too.
 */
import { existsSync, writeSync } from 'node:fs';
import { join, relative } from 'node:path';
import { openLibrary } from '../../../../../../electron/core/library';
import { setFaultHook } from '../../../../../../electron/core/library/fs-atomic';
import type { CommandInput } from '../../../../../../shared/domain/commands';

const [mode, dir, seedText, scope, pauseText] = process.argv.slice(2);

// Synchronous writes to fd 1: a line printed is a line the parent will see, even when killed next.
const say = (line: string) => writeSync(1, `${line}\n`);

function random(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

const item = (id: string, version: string) => ({
  id,
  kind: 'document' as const,
  title: { de: version },
  description: { de: 'x'.repeat(400) },
  tags: ['kill-test'],
});

let opened = false;
let chunk = 0;
if (scope) {
  const pauseAt = Number(pauseText);
  let count = 0;
  setFaultHook((step, path) => {
    if (scope === 'open' && opened) return;
    if (scope === 'journal' && !existsSync(join(dir!, 'journal.json'))) return;
    if (scope === 'log' && !(step === 'fsync' && path.endsWith('log.jsonl'))) return;
    if (scope === 'log-mid') {
      // Counts only writes of a line's second or later chunk: part of the line is in the file.
      if (!path.endsWith('log.jsonl')) return;
      if (step === 'open') chunk = 0;
      if (step !== 'write' || ++chunk < 2) return;
    }
    if (++count !== pauseAt) return;
    say(`PAUSE ${opened ? 'write' : 'open'} ${step} ${relative(dir!, path)}`);
    // Blocks the only thread: nothing more happens in this process until the parent's SIGKILL.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
  });
}

async function main() {
  // Lines written in chunks of 256 characters: every change's line takes several writes.
  const library = await openLibrary(dir!, { compactAfter: { entries: 5 }, logChunkSize: 256 });
  opened = true;
  if (mode === 'hold') {
    say(`READY ${process.pid}`);
    setInterval(() => undefined, 1000);
    return;
  }
  if (mode === 'exit') process.exit(0);
  const next = random(Number(seedText));
  say(`OPEN ${library.revision}`);
  for (let n = 0; ; n++) {
    const version = `v-${seedText}-${n}`;
    const pick = () => `k-${Math.floor(next() * 40)}`;
    const roll = next();
    let command: CommandInput;
    let effect: Record<string, string | null>;
    if (roll < 0.6) {
      const id = pick();
      command = { type: 'putItem', item: item(id, version) };
      effect = { [id]: version };
    } else if (roll < 0.85) {
      const ids = [...new Set([pick(), pick(), pick()])];
      command = {
        type: 'batch',
        commands: [
          ...ids.map((id) => ({ type: 'putItem' as const, item: item(id, version) })),
          { type: 'updateManifest', name: version },
        ],
      };
      effect = { ...Object.fromEntries(ids.map((id) => [id, version])), '@name': version };
    } else {
      const id = pick();
      if (!library.get('items', id)) continue;
      command = { type: 'delete', collection: 'items', id, force: true };
      effect = { [id]: null };
    }
    say(`BEGIN ${JSON.stringify(effect)}`);
    const result = await library.apply(command);
    say(`ACK ${result.revision}`);
  }
}

main().catch((error) => {
  say(`ERROR ${error?.code ?? ''} ${error?.message ?? error}`);
  process.exit(2);
});
