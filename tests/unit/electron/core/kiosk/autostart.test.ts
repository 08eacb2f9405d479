import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  installAutostart,
  removeAutostart,
  type AutostartTarget,
} from '../../../../../electron/core/kiosk/autostart';

const CLI = path.resolve('electron/bin/vitrine.mjs');
let home: string;
beforeEach(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'vitrine-home-'));
});
afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

const command = [
  '/usr/bin/node',
  '/opt/vitrine/vitrine.mjs',
  'kiosk',
  '/srv/Aus stellung',
  '--data',
  '/var/k%1',
];

function recorder() {
  const ran: string[][] = [];
  return { ran, run: async (argv: string[]) => (ran.push(argv), true) };
}

describe('autostart', () => {
  it('Linux: a systemd user unit with Restart=always and an XDG entry that starts it', async () => {
    const target: AutostartTarget = { platform: 'linux', home, env: {} };
    const r = recorder();
    const { plan } = await installAutostart(command, target, r.run);
    const unit = await readFile(
      path.join(home, '.config/systemd/user/vitrine-kiosk.service'),
      'utf8',
    );
    expect(unit).toContain('Restart=always');
    expect(unit).toContain(
      'ExecStart=/usr/bin/node /opt/vitrine/vitrine.mjs kiosk "/srv/Aus stellung" --data "/var/k%%1"',
    );
    const entry = await readFile(
      path.join(home, '.config/autostart/vitrine-kiosk.desktop'),
      'utf8',
    );
    expect(entry).toContain('[Desktop Entry]');
    expect(entry).toContain('Exec=systemctl --user start vitrine-kiosk.service');
    expect(r.ran).toEqual([['systemctl', '--user', 'daemon-reload']]);
    expect(plan.explain.de).toContain('Restart=always');
    const removed = await removeAutostart(target, r.run);
    expect(removed.removed).toHaveLength(2);
    expect(existsSync(path.join(home, '.config/autostart/vitrine-kiosk.desktop'))).toBe(false);
    expect(existsSync(path.join(home, '.config/systemd/user/vitrine-kiosk.service'))).toBe(false);
  });

  it('honours XDG_CONFIG_HOME', async () => {
    const config = path.join(home, 'cfg');
    await installAutostart(
      command,
      { platform: 'linux', home, env: { XDG_CONFIG_HOME: config } },
      recorder().run,
    );
    expect(existsSync(path.join(config, 'autostart/vitrine-kiosk.desktop'))).toBe(true);
  });

  it('Windows: Task Scheduler XML at log-on with restart on failure, registered by schtasks', async () => {
    const target: AutostartTarget = {
      platform: 'win32',
      home,
      env: { LOCALAPPDATA: path.join(home, 'Local') },
    };
    const r = recorder();
    const { plan } = await installAutostart(
      ['C:\\Program Files\\Vitrine\\Vitrine.exe', 'kiosk', 'D:\\Aus <stellung>'],
      target,
      r.run,
    );
    const xml = await readFile(plan.files[0]!.path, 'utf8');
    expect(xml).toContain('<LogonTrigger>');
    expect(xml).toContain('<RestartOnFailure>');
    expect(xml).toContain('<Command>C:\\Program Files\\Vitrine\\Vitrine.exe</Command>');
    expect(xml).toContain('<Arguments>kiosk &quot;D:\\Aus &lt;stellung&gt;&quot;</Arguments>');
    expect(r.ran[0]).toEqual([
      'schtasks',
      '/Create',
      '/TN',
      'Vitrine Kiosk',
      '/XML',
      plan.files[0]!.path,
      '/F',
    ]);
    const removed = await removeAutostart(target, r.run);
    expect(r.ran.at(-1)).toEqual(['schtasks', '/Delete', '/TN', 'Vitrine Kiosk', '/F']);
    expect(removed.removed).toEqual([plan.files[0]!.path]);
  });

  it('macOS: a LaunchAgent with RunAtLoad and KeepAlive', async () => {
    const target: AutostartTarget = { platform: 'darwin', home, env: {} };
    const r = recorder();
    await installAutostart(command, target, r.run);
    const file = path.join(home, 'Library/LaunchAgents/de.dortmund.vitrine.kiosk.plist');
    const plist = await readFile(file, 'utf8');
    expect(plist).toContain('<key>KeepAlive</key><true/>');
    expect(plist).toContain('<key>RunAtLoad</key><true/>');
    expect(plist).toContain('<string>/srv/Aus stellung</string>');
    expect(r.ran[0]).toEqual(['launchctl', 'load', '-w', file]);
    await removeAutostart(target, r.run);
    expect(existsSync(file)).toBe(false);
  });

  it('`vitrine kiosk --install-autostart` and `--remove-autostart` in a temporary home', async () => {
    const run = (args: string[]) =>
      new Promise<{ code: number | null; out: string }>((resolve) => {
        const child = spawn(process.execPath, [CLI, 'kiosk', ...args], {
          env: { ...process.env, HOME: home, XDG_CONFIG_HOME: '', VITRINE_LANG: 'en' },
        });
        let out = '';
        child.stdout.on('data', (d: Buffer) => (out += d.toString()));
        child.stderr.on('data', (d: Buffer) => (out += d.toString()));
        child.on('exit', (code) => resolve({ code, out }));
      });
    const bundle = path.join(home, 'bundle');
    const installed = await run([bundle, '--install-autostart', '--data', path.join(home, 'data')]);
    expect(installed.code).toBe(0);
    expect(installed.out).toContain('Restart=always');
    const unit = await readFile(
      path.join(home, '.config/systemd/user/vitrine-kiosk.service'),
      'utf8',
    );
    expect(unit).toContain(`kiosk ${bundle} --data ${path.join(home, 'data')}`);
    const removed = await run(['--remove-autostart']);
    expect(removed.code).toBe(0);
    expect(existsSync(path.join(home, '.config/systemd/user/vitrine-kiosk.service'))).toBe(false);
    expect(existsSync(path.join(home, '.config/autostart/vitrine-kiosk.desktop'))).toBe(false);
  });
});
