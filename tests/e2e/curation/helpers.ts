import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { axeViolations } from '../harness';

/** Every JSON document of the library folder (not media), parsed. */
async function libraryJson(dir: string): Promise<unknown[]> {
  const out: unknown[] = [];
  async function walk(d: string): Promise<void> {
    for (const entry of await readdir(d, { withFileTypes: true })) {
      if (entry.name === 'media' || entry.name.startsWith('.')) continue;
      const path = join(d, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.name.endsWith('.json') && !/backup/i.test(path)) {
        try {
          out.push(JSON.parse(await readFile(path, 'utf8')));
        } catch {
          // A file being replaced right now; the caller polls.
        }
      }
    }
  }
  await walk(dir);
  return out;
}

/** The entity with `id` as the library folder holds it on disk right now (searched in every file). */
export async function entityOnDisk<T = Record<string, unknown>>(
  dir: string,
  id: string,
): Promise<T | null> {
  const seen: T[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (record.id === id && 'createdAt' in record) seen.push(record as T);
      else Object.values(record).forEach(visit);
    }
  };
  (await libraryJson(dir)).forEach(visit);
  let found: T | null = seen[0] ?? null;
  // Acknowledged changes live in the store's change log until a compaction writes them into the
  // data files; its newest line naming the entity wins (null: removed).
  let log = '';
  try {
    log = await readFile(join(dir, 'data', 'log.jsonl'), 'utf8');
  } catch {
    // No log: everything is in the data files.
  }
  for (const line of log.split('\n')) {
    let record: { changes?: Record<string, Record<string, unknown>> };
    try {
      record = JSON.parse(line) as typeof record;
    } catch {
      continue; // a torn last line is not acknowledged
    }
    for (const entities of Object.values(record.changes ?? {}))
      if (id in entities) found = (entities[id] as T | null) ?? null;
  }
  return found;
}

export async function expectNoAxeViolations(page: Page, screen: string): Promise<void> {
  expect(await axeViolations(page), `axe on ${screen}`).toEqual([]);
}

/** The editor has no pending draft and the header says everything reached the disk. */
export async function waitSaved(page: Page): Promise<void> {
  await page.getByText('Alle Änderungen gespeichert').waitFor();
  await page.getByTestId('save-state').filter({ hasText: 'Gespeichert' }).waitFor();
}

/** Finds the item by searching for its title (the grid is virtual) and opens it in the editor. */
export async function openItem(page: Page, title: string): Promise<void> {
  await page.getByRole('searchbox', { name: 'Bibliothek durchsuchen' }).fill(title);
  await page.getByTestId('item-grid').getByRole('button', { name: title }).first().click();
  await page.getByTestId('item-editor').waitFor();
}
