import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startStoreRig } from '../../store/rig';
import { createEditorStore } from '../../../../../../renderer/app/exhibitions/editor/state';
import { createExhibition } from '../../../../../../renderer/app/exhibitions/editor/operations';

/** The editor store over the real app store, client and handler table on a library on disk. */
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function rig() {
  const { store: app, dispose } = await startStoreRig('vitrine-editor-', (root) => ({
    chooseLibraryFolder: async () => join(root, 'lib'),
    chooseNewLibraryFolder: async () => join(root, 'lib'),
    chooseMediaFiles: async () => null,
  }));
  cleanups.push(dispose);
  await app.getState().createDialogRequested('Test');
  const x = createExhibition(
    { title: 'Leeds', lang: 'de', languages: ['de', 'en'], now: new Date().toISOString() },
    new Set(),
  );
  const created = await app.getState().commandSubmitted({ type: 'putExhibition', exhibition: x });
  expect(created.ok).toBe(true);
  return { app, x };
}

const saved = (app: Awaited<ReturnType<typeof rig>>['app'], id: string) =>
  app.getState().snapshot!.exhibitions.find((e) => e.id === id)!;

describe('editor autosave and undo', () => {
  it('saves a burst of edits as one command, then drops the draft', async () => {
    const { app, x } = await rig();
    const editor = createEditorStore(app, 10_000);
    editor.getState().opened(x.id);
    editor.getState().edited({ ...x, title: { de: 'L' } });
    editor.getState().edited({ ...x, title: { de: 'Le' } });
    editor.getState().edited({ ...x, title: { de: 'Leeds 1973' } });
    expect(editor.getState().draft?.title.de).toBe('Leeds 1973');
    expect(saved(app, x.id).title.de).toBe('Leeds');
    await editor.getState().flush();
    expect(editor.getState().draft).toBeNull();
    expect(saved(app, x.id).title.de).toBe('Leeds 1973');
    // Create + one burst: two entries of history.
    expect(app.getState().history.past).toHaveLength(2);
  });

  it('saves by itself after the quiet time', async () => {
    const { app, x } = await rig();
    const editor = createEditorStore(app, 5);
    editor.getState().opened(x.id);
    editor.getState().edited({ ...x, subtitle: { de: 'Städtepartnerschaft' } });
    await expect
      .poll(() => saved(app, x.id).subtitle.de, { timeout: 5_000 })
      .toBe('Städtepartnerschaft');
    await expect.poll(() => editor.getState().draft).toBeNull();
  });

  it('undo saves pending edits first, then reverts them through the store history', async () => {
    const { app, x } = await rig();
    const editor = createEditorStore(app, 10_000);
    editor.getState().opened(x.id);
    editor.getState().edited({ ...x, theme: 'night' });
    await editor.getState().undo();
    expect(editor.getState().draft).toBeNull();
    expect(saved(app, x.id).theme).toBe('civic');
    await editor.getState().redo();
    expect(saved(app, x.id).theme).toBe('night');
  });

  it('keeps the last edits when the exhibition is closed before the quiet time ends', async () => {
    const { app, x } = await rig();
    const editor = createEditorStore(app, 10_000);
    editor.getState().opened(x.id);
    editor.getState().edited({ ...x, title: { de: 'Leeds und Dortmund' } });
    editor.getState().opened(null);
    expect(editor.getState().draft).toBeNull();
    await editor.getState().flush();
    await editor.getState().flush();
    expect(saved(app, x.id).title.de).toBe('Leeds und Dortmund');
    // Saved once, however often it was flushed.
    expect(app.getState().history.past).toHaveLength(2);
  });
});
