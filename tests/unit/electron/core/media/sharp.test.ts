import { describe, expect, it } from 'vitest';
import {
  createSharpLoader,
  imageBackendName,
  loadSharp,
} from '../../../../../electron/core/media/sharp';

describe('image backend', () => {
  it('loads sharp lazily and works', async () => {
    const sharp = await loadSharp();
    const png = await sharp({
      create: { width: 4, height: 3, channels: 3, background: '#c03' },
    })
      .png()
      .toBuffer();
    expect((await sharp(png).metadata()).width).toBe(4);
    expect(imageBackendName(sharp)).toBe('native');
  });

  it('turns a missing platform binary into a clear message, and tries again next time', async () => {
    let calls = 0;
    const load = createSharpLoader(async () => {
      calls++;
      throw new Error(
        'Could not load the "sharp" module using the win32-x64 runtime\nPossible solutions: …',
      );
    });
    const failure = await load().catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'MEDIA_UNSUPPORTED' });
    const { messages } = failure as { messages: { de: string; en: string } };
    expect(messages.de).toContain('Bildverarbeitung (sharp) ist nicht verfügbar');
    expect(messages.de).toContain('Alles andere funktioniert weiter');
    expect(messages.en).toContain('win32-x64 runtime');
    expect(messages.en).not.toContain('Possible solutions');
    await load().catch(() => undefined);
    expect(calls).toBe(2);
  });
});
