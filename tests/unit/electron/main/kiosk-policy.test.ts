import { describe, expect, it } from 'vitest';
import {
  decideKioskInput,
  decideRenderGone,
  isKioskNavigationAllowed,
  kioskWindowOptions,
  type KeyInput,
} from '../../../../electron/main/kiosk-policy';

const key = (k: Partial<KeyInput> & { key: string }): KeyInput => ({
  type: 'keyDown',
  code: '',
  control: false,
  meta: false,
  alt: false,
  shift: false,
  ...k,
});

describe('Electron kiosk window decisions', () => {
  it('opens full screen without menu or DevTools, sandboxed', () => {
    const o = kioskWindowOptions();
    expect(o).toMatchObject({ kiosk: true, fullscreen: true, autoHideMenuBar: true, frame: false });
    expect(o.webPreferences).toMatchObject({
      devTools: false,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
  });

  it('locks navigation to the player origin', () => {
    const origin = 'http://127.0.0.1:4711';
    expect(isKioskNavigationAllowed(`${origin}/de/02-x.html`, origin)).toBe(true);
    for (const bad of [
      'http://127.0.0.1:4712/de/index.html',
      'http://localhost:4711/',
      'https://example.org/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'http://user:pw@127.0.0.1:4711/',
      'not a url',
    ])
      expect(isKioskNavigationAllowed(bad, origin)).toBe(false);
  });

  it('swallows zoom, reload, DevTools and close shortcuts; the chord opens the PIN page', () => {
    for (const k of ['+', '-', '=', '0', 'r', 'w', 'q'])
      expect(decideKioskInput(key({ key: k, control: true }))).toBe('block');
    expect(decideKioskInput(key({ key: 'I', control: true, shift: true }))).toBe('block');
    expect(decideKioskInput(key({ key: 'F12' }))).toBe('block');
    expect(decideKioskInput(key({ key: 'F5' }))).toBe('block');
    expect(decideKioskInput(key({ key: 'F4', alt: true }))).toBe('block');
    expect(
      decideKioskInput(key({ key: 'E', code: 'KeyE', control: true, alt: true, shift: true })),
    ).toBe('exit-chord');
    expect(decideKioskInput(key({ key: 'a' }))).toBe('allow');
    expect(decideKioskInput(key({ key: 'r', control: true, type: 'keyUp' }))).toBe('allow');
  });

  it('reloads after any renderer loss, recreating the window only when it cannot start', () => {
    for (const reason of [
      'crashed',
      'killed',
      'oom',
      'abnormal-exit',
      'clean-exit',
      'memory-eviction',
    ])
      expect(decideRenderGone(reason)).toBe('reload');
    expect(decideRenderGone('launch-failed')).toBe('recreate-window');
    expect(decideRenderGone('integrity-failure')).toBe('recreate-window');
  });
});
