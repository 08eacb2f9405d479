import fc from 'fast-check';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLibrary, openLibrary, type Library } from '../../../../../electron/core/library';
import { setFaultHook } from '../../../../../electron/core/library/fs-atomic';
import type { Command, CommandInput } from '../../../../../shared/domain/commands';
import { COLLECTIONS, type LibrarySnapshot } from '../../../../../shared/domain/library';
import { referencesOf } from '../../../../../shared/domain/references';
import { exhibitionInput, manualClock, putItem, putPartnership, tempDir } from './helpers';

/**
 * Property tests of the store: random sequences of commands (puts, deletes with and without
 * force, batches, undo and redo) with disk faults injected at random write steps. After every
 * step: a refused command changed nothing, an applied one raised the revision by one, every
 * reference resolves or points at something deleted by force, and the disk equals memory. Undo
 * followed by redo and undo again gives the same library. After the run, reopening from disk
 * gives the same library. Runs are bounded by count so the suite stays fast.
 */
afterEach(() => void setFaultHook(null));

const ITEMS = ['i1', 'i2', 'i3', 'i4'];
const PARTNERS = ['leeds', 'amiens'];

const item = fc
  .tuple(fc.constantFrom(...ITEMS), fc.subarray(PARTNERS), fc.string({ maxLength: 12 }))
  .map(([id, partnershipIds, title]) =>
    putItem(id, { partnershipIds, title: { de: `T ${title}` } }),
  );
const partner = fc.constantFrom(...PARTNERS).map((id) => putPartnership(id));
const exhibition = fc
  .subarray(ITEMS, { minLength: 1 })
  .map((ids) => ({ type: 'putExhibition' as const, exhibition: exhibitionInput('e1', ids) }));
const remove = fc.record({
  type: fc.constant('delete' as const),
  collection: fc.constantFrom('items' as const, 'partnerships' as const),
  id: fc.constantFrom(...ITEMS, ...PARTNERS),
  force: fc.boolean(),
});
const single = fc.oneof(item, item, partner, exhibition, remove);
const step = fc.oneof(
  { weight: 6, arbitrary: single.map((command) => ({ kind: 'apply' as const, command })) },
  {
    weight: 2,
    arbitrary: fc
      .array(single, { minLength: 2, maxLength: 4 })
      .map((commands) => ({ kind: 'apply' as const, command: { type: 'batch', commands } })),
  },
  { weight: 2, arbitrary: fc.constant({ kind: 'undo' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'redo' as const }) },
);
const fault = fc.option(
  fc.record({ n: fc.integer({ min: 1, max: 30 }), code: fc.constantFrom('ENOSPC', 'EIO') }),
  { freq: 3 },
);

/** The library's content without volatile stamps that undo restores anyway. */
const content = (s: LibrarySnapshot) => ({
  revision: s.revision,
  manifest: s.manifest,
  items: s.items,
  partnerships: s.partnerships,
  awards: s.awards,
  exhibitions: s.exhibitions,
});

function checkReferences(s: LibrarySnapshot, forced: Set<string>) {
  const ids = new Set(COLLECTIONS.flatMap((c) => s[c].map((e) => `${c}:${e.id}`)));
  for (const c of COLLECTIONS)
    for (const entity of s[c])
      for (const ref of referencesOf(c, entity as never)) {
        const key = `${ref.collection}:${ref.id}`;
        if (!ids.has(key) && !forced.has(key))
          throw new Error(`${c}:${entity.id} → ${key} dangles without a forced delete`);
      }
}

async function diskSnapshot(dir: string) {
  const reader = await openLibrary(dir, { readOnly: true });
  try {
    return content(reader.snapshot());
  } finally {
    await reader.close();
  }
}

describe('store properties', () => {
  it('random commands with faults keep every invariant, also after reopening', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(step, fault), { minLength: 5, maxLength: 25 }),
        async (steps) => {
          const dir = join(await tempDir(), 'lib');
          const clock = manualClock();
          let library: Library = await createLibrary(dir, {
            name: 'Eigenschaften',
            languages: ['de', 'en'],
            defaultLanguage: 'de',
            // A still clock: stamps then say nothing about timing, so undo/redo can be compared.
            clock,
          });
          const undo: Command[] = [];
          const redo: Command[] = [];
          const forced = new Set<string>();
          try {
            for (const [s, f] of steps) {
              const before = content(library.snapshot());
              let command: CommandInput | undefined;
              if (s.kind === 'apply') command = s.command as CommandInput;
              else command = (s.kind === 'undo' ? undo : redo).at(-1);
              if (!command) continue;
              if (f) {
                let count = 0;
                setFaultHook(() => {
                  if (++count === f.n) throw Object.assign(new Error(f.code), { code: f.code });
                });
              }
              let result: Awaited<ReturnType<Library['apply']>> | null = null;
              try {
                result = await library.apply(command);
              } catch (error) {
                const code = (error as { code?: string }).code;
                expect([
                  'INVALID_INPUT',
                  'NOT_FOUND',
                  'REFERENCE_MISSING',
                  'IN_USE',
                  'DUPLICATE_ID',
                  'FILE_UNWRITABLE',
                ]).toContain(code);
              } finally {
                setFaultHook(null);
              }
              const after = content(library.snapshot());
              if (!result) {
                expect(after).toEqual(before);
              } else {
                expect(after.revision).toBe(before.revision + 1);
                const deletes =
                  command.type === 'batch' ? command.commands : [command as { type: string }];
                for (const c of deletes as {
                  type: string;
                  force?: boolean;
                  collection?: string;
                  id?: string;
                }[])
                  if (c.type === 'delete' && c.force) forced.add(`${c.collection}:${c.id}`);
                if (s.kind === 'apply') {
                  undo.push(result.undo);
                  redo.length = 0;
                } else if (s.kind === 'undo') {
                  undo.pop();
                  redo.push(result.undo);
                } else {
                  redo.pop();
                  undo.push(result.undo);
                }
                // Undo of redo is identity: after an undo, redo then undo again gives it back.
                if (s.kind === 'undo') {
                  const redone = await library.apply(redo.at(-1)!);
                  const undone = await library.apply(redone.undo);
                  const { revision: _r1, ...a } = content(library.snapshot());
                  const { revision: _r2, ...b } = after;
                  expect(a).toEqual(b);
                  redo[redo.length - 1] = undone.undo;
                }
              }
              checkReferences(library.snapshot(), forced);
              expect(await diskSnapshot(dir)).toEqual(content(library.snapshot()));
            }
            const last = content(library.snapshot());
            await library.close();
            library = await openLibrary(dir, { clock });
            expect(content(library.snapshot())).toEqual(last);
          } finally {
            await library.close();
          }
        },
      ),
      { numRuns: 15, seed: Number(process.env.VITRINE_PROPERTY_SEED ?? Date.now() % 2 ** 31) },
    );
  }, 120_000);
});
