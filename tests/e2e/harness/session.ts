import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, inject, type TestContext } from 'vitest';
import { launchBrowser } from './browser';
import { startWebHost, type WebHost } from './host';
import { copyLibrary, tempDir } from './library';
import { RESULTS_DIR } from './paths';

export interface AppSession {
  page: Page;
  context: BrowserContext;
  host: WebHost;
  /** The copy of the sample library this test works on (when opened with one). */
  libraryDir: string | null;
  appDataDir: string;
  /** Console errors, uncaught page errors and failed requests, in order. */
  problems: string[];
}

export interface SessionOptions {
  /** Start `vitrine web` on a fresh copy of the sample library instead of the start screen. */
  withSampleLibrary?: boolean;
  viewport?: { width: number; height: number };
  /** Extra environment for `vitrine web`. */
  env?: Record<string, string>;
}

function safeName(name: string): string {
  return name.replace(/[^a-zA-Z0-9äöüÄÖÜß_-]+/g, '-').slice(0, 100);
}

/**
 * Per-file e2e fixture: one browser for the file, and per test a fresh app-data folder, a fresh
 * library copy, its own `vitrine web` process and browser context. A failing test leaves a
 * screenshot, a Playwright trace, the host's log and the console in test-results/e2e/<test>/.
 */
export function useAppSessions() {
  let browser: Browser | undefined;
  const open: { session: AppSession; cleanup: string[] }[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  afterEach(async (ctx: TestContext) => {
    const failed = ctx.task.result?.state === 'fail';
    for (const { session, cleanup } of open.splice(0)) {
      if (failed) await saveArtefacts(session, ctx.task.name);
      else await session.context.tracing.stop();
      await session.context.close();
      await session.host.stop();
      if (!failed) for (const dir of cleanup) await rm(dir, { recursive: true, force: true });
    }
  });

  return {
    async start(options: SessionOptions = {}): Promise<AppSession> {
      if (!browser) throw new Error('browser not launched');
      const appDataDir = await tempDir('appdata');
      const libraryDir = options.withSampleLibrary
        ? await copyLibrary(inject('sampleTemplate'))
        : null;
      const host = await startWebHost({
        appDataDir,
        ...(libraryDir ? { libraryDir } : {}),
        ...(options.env ? { env: options.env } : {}),
      });
      const context = await browser.newContext({
        viewport: options.viewport ?? { width: 1280, height: 800 },
        locale: 'de-DE',
        reducedMotion: 'reduce',
      });
      await context.tracing.start({ screenshots: true, snapshots: true, sources: false });
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
      page.on('requestfailed', (request) => {
        const reason = request.failure()?.errorText ?? '';
        // Aborted by the page itself (a reload closing the event stream, a lazy image scrolled
        // away): not a failure of the app.
        if (reason === 'net::ERR_ABORTED') return;
        problems.push(`requestfailed: ${request.url()} ${reason}`);
      });
      page.on('response', (response) => {
        if (response.status() >= 400) problems.push(`http ${response.status()}: ${response.url()}`);
      });
      const session: AppSession = { page, context, host, libraryDir, appDataDir, problems };
      open.push({
        session,
        cleanup: [appDataDir, ...(libraryDir ? [join(libraryDir, '..')] : [])],
      });
      await page.goto(host.url);
      return session;
    },
  };
}

async function saveArtefacts(session: AppSession, testName: string): Promise<void> {
  const dir = join(RESULTS_DIR, safeName(testName));
  await mkdir(dir, { recursive: true });
  await session.page.screenshot({ path: join(dir, 'failure.png'), fullPage: true }).catch(() => {});
  await session.context.tracing.stop({ path: join(dir, 'trace.zip') }).catch(() => {});
  await writeFile(join(dir, 'app.log'), session.host.log());
  await writeFile(join(dir, 'console.log'), session.problems.join('\n'));
  const where = [
    `library: ${session.libraryDir ?? '(none)'}`,
    `app data: ${session.appDataDir}`,
    `trace: npx playwright show-trace ${join(dir, 'trace.zip')}`,
  ].join('\n');
  await writeFile(join(dir, 'README.txt'), `${where}\n`);
  console.error(`e2e failure artefacts for "${testName}" in ${dir}`);
}
