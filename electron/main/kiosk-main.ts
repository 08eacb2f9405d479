import path from 'node:path';
import { app } from 'electron';
import { openBundleSource, startPlayer } from '../core/kiosk';
import { electronKioskLauncher } from './kiosk-window';

/*
 * The Electron kiosk player: `electron dist/electron/kiosk-main.cjs BUNDLE [--exhibition SLUG]
 * [--data DIR]`. A separate entry from the curator app (main.ts), which blocks every navigation;
 * here navigation within the bundle is the point, locked to the player's origin instead.
 */
app.enableSandbox();

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const values = new Set([option('--exhibition'), option('--data')]);
const input = process.argv
  .slice(1)
  .find((a) => !a.startsWith('-') && !values.has(a) && !/kiosk-main\.cjs$|^\.$/.test(a));

// One player per user session: a second start just quits.
if (!app.requestSingleInstanceLock()) app.quit();
else
  void app.whenReady().then(async () => {
    try {
      if (!input) throw new Error('usage: kiosk-main BUNDLE [--exhibition SLUG] [--data DIR]');
      const exhibition = option('--exhibition');
      const source = await openBundleSource(input, exhibition ? { exhibition } : {});
      const player = await startPlayer({
        bundleDir: source.dir,
        dataDir: path.resolve(option('--data') ?? path.join(app.getPath('userData'), 'kiosk')),
        launcher: electronKioskLauncher(),
        lang: app.getLocale().startsWith('de') ? 'de' : 'en',
      });
      player.on('incident', (i) => console.log(`VITRINE_KIOSK_INCIDENT ${i.kind}`));
      void player.ready.then((ms) => console.log(`VITRINE_KIOSK_READY - ${Math.round(ms)}`));
      await player.done;
      await source.dispose();
      app.quit();
    } catch (error) {
      console.error('[vitrine kiosk]', error);
      app.exit(2);
    }
  });

// The player decides when to end, not the last window closing during a recovery.
app.on('window-all-closed', () => undefined);
