import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createLibrary, openLibrary, readLock } from '../../../../../electron/core/library';
import { bundleWriter, startChild } from './child/spawn';
import { tempDir } from './helpers';

/**
 * kill -9 of a writing process at random moments: every change the writer saw acknowledged must
 * be on disk afterwards, the library must open and validate, and the change in flight at the kill
 * must be there completely or not at all.
 */
const RUNS = 100;

type State = Map<string, string | null>;

function stateOf(snapshot: {
  manifest: { name: string };
  items: { id: string; title: Record<string, string> }[];
}): State {
  const state: State = new Map([['@name', snapshot.manifest.name]]);
  for (const item of snapshot.items) state.set(item.id, item.title.de ?? '');
  return state;
}

function withEffect(state: State, effect: Record<string, string | null>): State {
  const next = new Map(state);
  for (const [key, value] of Object.entries(effect)) next.set(key, value);
  return next;
}

/** Deleted items count as absent either way. */
function normalize(state: State): Record<string, string> {
  return Object.fromEntries(
    [...state].filter(([, v]) => v !== null).sort(([a], [b]) => a.localeCompare(b)),
  ) as Record<string, string>;
}

let script: string;
beforeAll(async () => {
  script = await bundleWriter();
});

describe('kill -9 during writes', () => {
  it(`keeps every acknowledged change across ${RUNS} kills`, async () => {
    const dir = join(await tempDir(), 'lib');
    const created = await createLibrary(dir, {
      name: 'start',
      languages: ['de'],
      defaultLanguage: 'de',
    });
    await created.close();
    let model: State = new Map([['@name', 'start']]);
    let revision = 0;
    let totalAcks = 0;
    let inFlightApplied = 0;
    let seed = 1;
    // The random moment: uniform over startup, open (lock take-over, journal replay, backup) and writes.
    const next = (() => {
      let s = 0x9e3779b9;
      return () => ((s = Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) >>> 0), s / 2 ** 32);
    })();

    for (let run = 0; run < RUNS; run++) {
      const child = startChild(script, ['write', dir, String(seed++)]);
      await new Promise((r) => setTimeout(r, 40 + next() * 260));
      child.process.kill('SIGKILL');
      await child.exited;

      let pending: Record<string, string | null> | null = null;
      for (const line of child.lines) {
        if (line.startsWith('ERROR')) throw new Error(`writer failed: ${line}`);
        if (line.startsWith('BEGIN ')) pending = JSON.parse(line.slice(6));
        else if (line.startsWith('ACK ')) {
          model = withEffect(model, pending!);
          const acked = Number(line.slice(4));
          expect(acked).toBe(revision + 1);
          revision = acked;
          pending = null;
          totalAcks++;
        }
      }

      const reader = await openLibrary(dir, { readOnly: true });
      const onDisk = normalize(stateOf(reader.snapshot()));
      const acknowledged = normalize(model);
      if (pending && JSON.stringify(onDisk) !== JSON.stringify(acknowledged)) {
        // The command in flight completed on disk before the kill: all of it, at the next revision.
        expect(onDisk).toEqual(normalize(withEffect(model, pending)));
        expect(reader.revision).toBe(revision + 1);
        model = withEffect(model, pending);
        revision += 1;
        inFlightApplied++;
      } else {
        expect(onDisk).toEqual(acknowledged);
        expect(reader.revision).toBe(revision);
      }
      await reader.close();
    }

    // Writable open: takes over the dead writer's lock, replays any journal, validates.
    const leftover = await readLock(dir);
    const library = await openLibrary(dir);
    if (leftover) expect(library.staleLockTakenOver).toEqual(leftover);
    expect(normalize(stateOf(library.snapshot()))).toEqual(normalize(model));
    await library.close();
    expect(totalAcks).toBeGreaterThan(RUNS);
    console.log(
      `kill test: ${RUNS} kills, ${totalAcks} acknowledged changes, ${inFlightApplied} in-flight changes found complete`,
    );
  }, 120_000);
});
