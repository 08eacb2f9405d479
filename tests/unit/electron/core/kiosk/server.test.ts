import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKioskHost, type KioskHost } from '../../../../../electron/core/kiosk/server';
import { safeEntryName } from '../../../../../electron/core/kiosk/bundle-source';
import type { KioskEvent } from '../../../../../shared/kiosk/events';

let dir: string;
let host: KioskHost;
const received: KioskEvent[][] = [];
const pins: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'vitrine-kiosk-host-'));
  await mkdir(path.join(dir, 'de'));
  await writeFile(
    path.join(dir, 'de', 'index.html'),
    '<!DOCTYPE html><html data-mode="kiosk"><head><title>t</title></head><body></body></html>',
  );
  await writeFile(
    path.join(dir, 'de', 'credits.html'),
    '<!DOCTYPE html><html lang="de" data-mode="kiosk"><head></head><body><main><h1>Nachweise</h1></main></body></html>',
  );
  await writeFile(path.join(os.tmpdir(), 'vitrine-outside.txt'), 'secret');
  host = await startKioskHost({
    bundleDir: dir,
    onEvents: async (events) => void received.push(events),
    onPin: async (pin) => (pins.push(pin), { ok: false, reason: 'wrong', attemptsLeft: 4 }),
    onExit: () => undefined,
    token: 'a'.repeat(43),
  });
});
afterAll(async () => {
  await host.close();
  await rm(dir, { recursive: true, force: true });
});

const cookie = () => ({ cookie: `vitrine_token=${host.token}` });
const post = (body: string, headers: Record<string, string> = {}) =>
  fetch(`${host.origin}/__vitrine/stats`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...cookie(), ...headers },
    body,
  });

describe('kiosk host', () => {
  it('serves pages only with the token, marked for the runtime, under the strict CSP', async () => {
    expect((await fetch(`${host.origin}/de/index.html`)).status).toBe(401);
    const res = await fetch(`${host.origin}/de/index.html?token=${host.token}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Strict/);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await res.text()).toContain('<meta name="vitrine-player" content="/__vitrine/stats">');
  });

  it('adds the privacy notice to the info page it serves, in the page language', async () => {
    const html = await (
      await fetch(`${host.origin}/de/credits.html`, { headers: cookie() })
    ).text();
    expect(html).toContain('<section class="privacy"');
    expect(html).toContain('Datenschutz an diesem Bildschirm');
    expect(html.indexOf('class="privacy"')).toBeLessThan(html.indexOf('</main>'));
  });

  it('refuses other origins, and paths leaving the bundle', async () => {
    expect((await post('{"type":"idle_reset"}', { origin: 'http://evil.example' })).status).toBe(
      403,
    );
    for (const bad of ['/../vitrine-outside.txt', '/%2e%2e/vitrine-outside.txt', '/de/..%2f..%2fx'])
      expect((await fetch(`${host.origin}${bad}`, { headers: cookie() })).status).not.toBe(200);
  });

  it('takes events and small ordered batches, and nothing outside the schema', async () => {
    received.length = 0;
    expect((await post('{"type":"session_start"}')).status).toBe(204);
    expect(
      (
        await post(
          '[{"type":"page_view","lang":"de","page":"index.html","chapter":0,"dwellMs":5},{"type":"idle_reset"}]',
        )
      ).status,
    ).toBe(204);
    expect(received.map((b) => b.map((e) => e.type))).toEqual([
      ['session_start'],
      ['page_view', 'idle_reset'],
    ]);
    expect((await post('{"type":"search","query":"Max Mustermann"}')).status).toBe(400);
    expect((await post('{"type":"session_start","visitorId":"x"}')).status).toBe(400);
    expect((await post('not json')).status).toBe(400);
    expect(
      (await post(`[${'{"type":"idle_reset"},'.repeat(8)}{"type":"idle_reset"}]`)).status,
    ).toBe(400);
    expect(received).toHaveLength(2);
  });

  it('answers the exit form, escaped, without script', async () => {
    const res = await fetch(`${host.origin}/__vitrine/exit`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...cookie() },
      body: 'pin=1234',
    });
    const html = await res.text();
    expect(pins).toEqual(['1234']);
    expect(html).toContain('data-state="wrong"');
    expect(html).not.toContain('<script');
    expect(res.headers.get('content-security-policy')).toContain("form-action 'self'");
  });

  it('unpacks only plain relative zip entries', () => {
    expect(safeEntryName('de/index.html')).toBe(true);
    expect(safeEntryName('media/')).toBe(true);
    for (const bad of ['../x', '/etc/passwd', 'a/../../x', 'a\\b', 'C:/x', 'a//b', ''])
      expect(safeEntryName(bad)).toBe(false);
  });
});
