import { spawn } from 'node:child_process';
import { readdir, readFile, mkdtemp, rm, writeFile, cp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { KioskEvent } from '../../../shared/kiosk/events';
import { exportExhibition } from '../../../electron/core/export';
import { writeZip } from '../../../electron/core/export/zip';
import {
  ATTRACT_VISIBLE,
  chromiumLauncher,
  hashPin,
  readKioskReport,
  startPlayer,
  writePlayerSettings,
  type Player,
} from '../../../electron/core/kiosk';
import { copyLibrary } from '../harness/library';
import { CHROMIUM_PATH, CLI_BIN } from '../harness/paths';

/**
 * The kiosk player with the system Chromium adapter, as real processes: a headless Chromium
 * started with the kiosk flags, watched over the DevTools protocol. Every wait is tied to an
 * event the player reports (ready, stat, incident, recovered, exit), never to time.
 */
const SLUG = '50-jahre-dortmund-leeds';
let work: string;
let bundle: string;
const players: Player[] = [];

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'vitrine-e2e-kiosk-'));
  const library = await copyLibrary(inject('sampleTemplate'));
  bundle = path.join(work, 'bundle');
  // A short idle time so a visit ends by itself within the test.
  await exportExhibition({
    libraryDir: library,
    exhibition: SLUG,
    mode: 'kiosk',
    outDir: bundle,
    idleSeconds: 3,
  });
});

afterEach(async () => {
  for (const p of players.splice(0)) await p.stop();
});

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

async function player(
  options: {
    bundleDir?: string;
    monotonic?: () => number;
    pin?: string;
    exitPageIdleMs?: number;
  } = {},
): Promise<{ player: Player; dataDir: string }> {
  const dataDir = await mkdtemp(path.join(work, 'data-'));
  if (options.pin) await writePlayerSettings(dataDir, { pinHash: await hashPin(options.pin) });
  const p = await startPlayer({
    bundleDir: options.bundleDir ?? bundle,
    dataDir,
    launcher: chromiumLauncher({ executablePath: CHROMIUM_PATH, headless: true }),
    // Generous for a loaded machine: a slow answer is not a hang.
    hangAfterMs: 4000,
    ...(options.monotonic ? { monotonic: options.monotonic } : {}),
    ...(options.exitPageIdleMs ? { exitPageIdleMs: options.exitPageIdleMs } : {}),
  });
  players.push(p);
  await p.ready;
  return { player: p, dataDir };
}

/** The kiosk page, seen by the test through its own DevTools connection to the same browser. */
async function kioskPage(p: Player): Promise<{ browser: Browser; page: Page }> {
  const browser = await chromium.connectOverCDP(p.window.debugEndpoint!);
  const page = browser
    .contexts()
    .flatMap((c) => c.pages())
    .find((pg) => pg.url().startsWith(p.host.origin))!;
  expect(page).toBeDefined();
  return { browser, page };
}

function nextStat(p: Player, type: KioskEvent['type']): Promise<KioskEvent> {
  return new Promise((resolve) => {
    const on = (e: KioskEvent) => {
      if (e.type !== type) return;
      p.off('stat', on);
      resolve(e);
    };
    p.on('stat', on);
  });
}

function nextRecovery(p: Player) {
  return new Promise<{ cause: string; ms: number }>((resolve) => p.once('recovered', resolve));
}

/** Renderer processes of a Chromium: descendants of its browser process with --type=renderer. */
async function rendererPids(browserPid: number): Promise<number[]> {
  const parents = new Map<number, number>();
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = await readFile(`/proc/${name}/stat`, 'utf8').catch(() => '');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (ppid) parents.set(Number(name), ppid);
  }
  const isDescendant = (pid: number): boolean => {
    for (let p = parents.get(pid); p; p = parents.get(p)) if (p === browserPid) return true;
    return false;
  };
  const out: number[] = [];
  for (const pid of parents.keys()) {
    if (!isDescendant(pid)) continue;
    const cmd = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    if (cmd.includes('--type=renderer') && !cmd.includes('--extension-process')) out.push(pid);
  }
  return out;
}

describe('kiosk player (system Chromium)', () => {
  it('starts on the attract screen of an exported kiosk, served with token and player tag', async () => {
    const { player: p } = await player({ exitPageIdleMs: 1500 });
    expect(await p.window.evaluate<boolean>(ATTRACT_VISIBLE, 10_000)).toBe(true);
    expect(
      await p.window.evaluate<string | null>(
        "document.querySelector('meta[name=vitrine-player]')?.content ?? null",
        10_000,
      ),
    ).toBe('/__vitrine/stats');
    // Without the token nothing is served.
    const bare = await fetch(`${p.host.origin}/de/index.html`);
    expect(bare.status).toBe(401);
    const page = await fetch(p.host.url.replace('/?', '/de/index.html?'));
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");

    // The PIN page left open (a chord pressed by accident): the watchdog brings the start back.
    const back = nextRecovery(p);
    await p.window.evaluate("location.href = '/__vitrine/exit'; 1", 10_000);
    expect((await back).cause).toBe('exit-page-idle');
    expect(await p.window.evaluate<boolean>(ATTRACT_VISIBLE, 10_000)).toBe(true);
    expect(p.incidents.counts['exit-page-idle']).toBe(1);
  });

  it('records a scripted visit and reports it', async () => {
    const { player: p, dataDir } = await player();
    const { browser, page } = await kioskPage(p);
    try {
      const started = nextStat(p, 'session_start');
      await page.mouse.click(640, 100);
      await started;
      // The start page, then the first chapter.
      await page.locator('.kiosk-tiles a').first().click();
      await page.waitForURL(/\/de\/(?!index)[^/]+\.html/);
      const chapterUrl = page.url();
      const switched = nextStat(p, 'language');
      await page.locator('.kiosk-languages a[hreflang="en"]').click();
      await switched;
      await page.waitForURL(/\/en\//);
      const lightbox = page.locator('a[data-lightbox]').first();
      if (await lightbox.count()) {
        const opened = nextStat(p, 'lightbox');
        await lightbox.click();
        await opened;
        await page.keyboard.press('Escape');
      }
      // Left alone, the kiosk goes back to its start page and the visit ends.
      const idle = nextStat(p, 'idle_reset');
      await idle;
      await page.waitForURL(/\/de\/index\.html#attract$/);
      expect(chapterUrl).toMatch(/\/de\//);
    } finally {
      await browser.close();
    }
    await p.stop();
    const { report, read } = await readKioskReport(dataDir);
    expect(read.corrupt).toBe(0);
    expect(report.sessions).toBe(1);
    expect(report.endedSessions).toBe(1);
    expect(report.idleResets).toBe(1);
    expect(report.languageSwitches).toBe(1);
    expect(report.chapters[0]).toMatchObject({ chapter: 1, sessions: 1 });
    expect(report.chapters[0]!.views).toBe(2); // German, then English
    expect(report.languages.map((l) => l.lang).sort()).toEqual(['de', 'en']);
    expect(report.languages.find((l) => l.lang === 'de')!.sessions).toBe(1);
    expect(report.sessionsPerDay).toHaveLength(1);
    expect(report.medianSessionMs).toBeGreaterThan(0);
    // Nothing but the closed vocabulary reached the disk.
    const files = await readdir(path.join(dataDir, 'stats'));
    const text = await readFile(path.join(dataDir, 'stats', files[0]!), 'utf8');
    expect(text).not.toMatch(/127\.0\.0\.1|token|Mozilla/);
  });

  it('brings the start page back after the renderer process is killed', async () => {
    const { player: p, dataDir } = await player();
    const pids = await rendererPids(p.window.pid!);
    expect(pids.length).toBeGreaterThan(0);
    const recovered = nextRecovery(p);
    for (const pid of pids) process.kill(pid, 'SIGKILL');
    expect((await recovered).cause).toBe('renderer-crashed');
    expect(await p.window.evaluate<boolean>(ATTRACT_VISIBLE, 10_000)).toBe(true);
    expect(p.incidents.counts['renderer-crashed']).toBe(1);
    const log = await readFile(path.join(dataDir, 'logs', 'player.log'), 'utf8');
    expect(log).toContain('"kind":"renderer-crashed"');
  });

  it('detects a page stuck in an endless loop and reloads the start page', async () => {
    const hanging = path.join(work, 'hanging');
    await cp(bundle, hanging, { recursive: true });
    // Same origin, allowed by the CSP: a script that never returns once the page has loaded.
    await writeFile(
      path.join(hanging, 'hang.js'),
      'setTimeout(function () { for (;;) {} }, 50);\n',
    );
    await writeFile(
      path.join(hanging, 'hang.html'),
      '<!DOCTYPE html><html lang="de" data-mode="kiosk"><head><meta charset="utf-8"><title>hang</title><script src="hang.js"></script></head><body><p>…</p></body></html>\n',
    );
    const { player: p } = await player({ bundleDir: hanging });
    const recovered = nextRecovery(p);
    await p.window.evaluate("location.href = '/hang.html'", 10_000);
    expect((await recovered).cause).toBe('page-hung');
    expect(p.incidents.counts['page-hung']).toBeGreaterThanOrEqual(1);
    expect(await p.window.evaluate<boolean>(ATTRACT_VISIBLE, 10_000)).toBe(true);
  });

  it('closes only with the right PIN after the key chord, and locks after five wrong ones', async () => {
    let now = 1_000_000;
    const { player: p } = await player({ pin: '2468', monotonic: () => now });
    const { browser, page } = await kioskPage(p);
    try {
      await page.keyboard.press('Control+Alt+Shift+KeyE');
      await page.waitForURL(/\/__vitrine\/exit$/);
      const submit = async (pin: string) => {
        await page.locator('#pin').fill(pin);
        await Promise.all([
          page.waitForLoadState('load'),
          page.locator('button[type=submit]').click(),
        ]);
        return page.locator('[data-state]').getAttribute('data-state');
      };
      for (let i = 0; i < 4; i++) expect(await submit('1111')).toBe('wrong');
      expect(await submit('1111')).toBe('locked');
      // Locked: even the right PIN is refused until a minute has passed.
      expect(await submit('2468')).toBe('locked');
      now += 61_000;
      // The right PIN: the player answers and closes its browser, this page with it.
      await page.locator('#pin').fill('2468');
      await page.locator('button[type=submit]').click({ noWaitAfter: true });
      expect(await p.done).toBe('operator');
    } finally {
      await browser.close().catch(() => undefined);
    }
    expect(p.incidents.counts['pin-wrong']).toBe(4);
    expect(p.incidents.counts['pin-locked']).toBe(2);
  });

  it('runs as `vitrine kiosk BUNDLE.zip` and stops cleanly on SIGTERM', async () => {
    const zip = path.join(work, 'bundle.zip');
    await writeZip(bundle, zip);
    const dataDir = await mkdtemp(path.join(work, 'cli-data-'));
    const child = spawn(
      process.execPath,
      [CLI_BIN, 'kiosk', zip, '--headless', '--chromium', CHROMIUM_PATH, '--data', dataDir],
      { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, VITRINE_LANG: 'en' } },
    );
    let out = '';
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('VITRINE_KIOSK_READY')) resolve();
      });
      child.once('exit', () => reject(new Error(`exited early: ${out}`)));
    });
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(out).toContain('VITRINE_KIOSK_EXIT stopped');
  });
});
