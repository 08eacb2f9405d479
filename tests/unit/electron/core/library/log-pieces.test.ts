import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLibrary, openLibrary } from '../../../../../electron/core/library';
import { logLinePieces, parseLog } from '../../../../../electron/core/library/log';
import { itemInput, manualClock, tempDir } from './helpers';

/**
 * A change's log line is written in pieces (issue 11 §5: a 10,000-item batch must not be one
 * huge string in memory), yet it stays one checksummed line: read back whole, torn anywhere.
 */
describe('a log line written in pieces', () => {
  it('reads back as the record it was made from, and is torn when cut anywhere', () => {
    const items = new Map<string, unknown>([
      ['b', { id: 'b', title: { de: 'Zwei "Anführungszeichen"\nund Zeilen' } }],
      ['12', { id: '12' }],
      ['gone', null],
    ]);
    const manifest = { name: 'Neu' };
    const pieces = [...logLinePieces(7, { items }, manifest)];
    expect(pieces.length).toBeGreaterThan(3);
    const line = pieces.join('');
    expect(line.endsWith('\n')).toBe(true);
    expect(line.indexOf('\n')).toBe(line.length - 1);
    const read = parseLog(line);
    expect(read.torn).toBeNull();
    expect(read.records).toEqual([
      { revision: 7, changes: { items: Object.fromEntries(items) }, manifest },
    ]);
    for (let cut = 1; cut < line.length - 1; cut += 7) {
      const torn = parseLog(line.slice(0, cut));
      expect(torn.records).toEqual([]);
      expect(torn.torn).not.toBeNull();
    }
  });

  it('a batch larger than a write chunk is one line that reopens to the same items', async () => {
    const dir = join(await tempDir(), 'lib');
    const library = await createLibrary(dir, {
      name: 'Stapel',
      languages: ['de'],
      defaultLanguage: 'de',
      clock: manualClock(),
    });
    // About 1.6 MB of changes: more than one 1 MB chunk.
    const long = 'x'.repeat(1500);
    const commands = Array.from({ length: 1100 }, (_, i) => ({
      type: 'putItem' as const,
      item: itemInput(`i${i}`, { description: { de: `${i} ${long}` } }),
    }));
    const { revision } = await library.apply({ type: 'batch', commands });
    const text = await readFile(join(dir, 'data/log.jsonl'), 'utf8');
    expect(text.length).toBeGreaterThan(1 << 20);
    expect(text.split('\n').filter(Boolean)).toHaveLength(1);
    const expected = library.snapshot().items;
    // Reopened from the log alone (no compaction), as after kill -9.
    const reader = await openLibrary(dir, { readOnly: true });
    expect(reader.revision).toBe(revision);
    expect(reader.snapshot().items).toEqual(expected);
    await reader.close();
    // The line cut short in its second chunk: the batch was never acknowledged, all of it is gone.
    await writeFile(join(dir, 'data/log.jsonl'), text.slice(0, (1 << 20) + 10));
    const torn = await openLibrary(dir, { readOnly: true });
    expect(torn.revision).toBe(revision - 1);
    expect(torn.snapshot().items).toEqual([]);
    await torn.close();
    await writeFile(join(dir, 'data/log.jsonl'), text);
    await library.close();
  });
});
