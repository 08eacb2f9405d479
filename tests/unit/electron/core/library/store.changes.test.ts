import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLibrary, type ChangeEvent } from '../../../../../electron/core/library';
import type { CommandInput } from '../../../../../shared/domain/commands';
import { manualClock, putItem, putPartnership, tempDir } from './helpers';

async function recordingLibrary() {
  const library = await createLibrary(join(await tempDir(), 'lib'), {
    name: 'Änderungen',
    languages: ['de', 'en'],
    defaultLanguage: 'de',
    clock: manualClock(),
  });
  const events: ChangeEvent[] = [];
  library.onChange((e) => events.push(e));
  /** Applies and returns the `changed` of the event that apply produced. */
  const apply = async (command: CommandInput) => {
    const result = await library.apply(command);
    const event = events.at(-1)!;
    expect(event.revision).toBe(result.revision);
    return { result, changed: event.changed };
  };
  return { library, apply };
}

describe('change events name the entities a change touched', () => {
  it('for create, update, delete, batch and their undo', async () => {
    const { library, apply } = await recordingLibrary();

    const created = await apply(putPartnership('leeds'));
    expect(created.changed).toEqual({ partnerships: { upserted: ['leeds'], removed: [] } });

    const item = await apply(putItem('brief-1', { partnershipIds: ['leeds'] }));
    expect(item.changed).toEqual({ items: { upserted: ['brief-1'], removed: [] } });

    const edited = await apply(putItem('brief-1', { partnershipIds: [] }));
    expect(edited.changed).toEqual({ items: { upserted: ['brief-1'], removed: [] } });

    const deleted = await apply({ type: 'delete', collection: 'items', id: 'brief-1' });
    expect(deleted.changed).toEqual({ items: { upserted: [], removed: ['brief-1'] } });

    const undoneDelete = await apply(deleted.result.undo);
    expect(undoneDelete.changed).toEqual({ items: { upserted: ['brief-1'], removed: [] } });

    const batch = await apply({
      type: 'batch',
      commands: [
        putItem('brief-2'),
        putItem('brief-3'),
        { type: 'delete', collection: 'items', id: 'brief-1', force: true },
        putPartnership('york'),
      ],
    });
    expect(batch.changed).toEqual({
      items: { upserted: ['brief-2', 'brief-3'], removed: ['brief-1'] },
      partnerships: { upserted: ['york'], removed: [] },
    });

    const undoneBatch = await apply(batch.result.undo);
    expect(undoneBatch.changed.items?.upserted).toEqual(['brief-1']);
    expect([...undoneBatch.changed.items!.removed].sort()).toEqual(['brief-2', 'brief-3']);
    expect(undoneBatch.changed.partnerships).toEqual({ upserted: [], removed: ['york'] });
    expect(library.snapshot().items.map((i) => i.id)).toEqual(['brief-1']);

    // A manifest update touches no entity: the event says so with an empty `changed`.
    const renamed = await apply({ type: 'updateManifest', name: 'Neu' });
    expect(renamed.changed).toEqual({});
    await library.close();
  });

  it('an entity created and removed inside one batch is reported as removed', async () => {
    const { library, apply } = await recordingLibrary();
    const { changed } = await apply({
      type: 'batch',
      commands: [putItem('kurz'), { type: 'delete', collection: 'items', id: 'kurz', force: true }],
    });
    expect(changed).toEqual({ items: { upserted: [], removed: ['kurz'] } });
    expect(library.snapshot().items).toEqual([]);
    await library.close();
  });
});
