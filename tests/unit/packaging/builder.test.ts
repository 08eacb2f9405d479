import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { builtinModules, createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { extractFile, listPackage } from '@electron/asar';
import { build, Platform } from 'electron-builder';
import { beforeAll, describe, expect, it } from 'vitest';

const repo = resolve(__dirname, '../../..');
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
// Fuse order (FuseV1Options): RunAsNode, EnableCookieEncryption, EnableNodeOptionsEnvironmentVariable,
// EnableNodeCliInspectArguments, EnableEmbeddedAsarIntegrityValidation, OnlyLoadAppFromAsar,
// LoadBrowserProcessSpecificV8Snapshot, GrantFileProtocolExtraPrivileges. '1' on, '0' off.
const STOCK_WIRE = '10110001';

let out: string;
let asarPath: string;
let entries: string[];

function run(cmd: string, args: string[]): void {
  const result = spawnSync(cmd, args, {
    cwd: repo,
    encoding: 'utf8',
    env: { ...process.env, CI: 'true' },
  });
  expect(result.status, `${cmd} ${args.join(' ')}\n${result.stdout}\n${result.stderr}`).toBe(0);
}

function fuseWire(binary: Buffer): string {
  const at = binary.indexOf(SENTINEL) + SENTINEL.length;
  return binary.subarray(at + 2, at + 2 + binary[at + 1]!).toString('latin1');
}

beforeAll(async () => {
  // The same bundles `npm run build` makes; the renderer only when Vite has not built it yet.
  run(process.execPath, ['electron/build.mjs', '--only', 'main,preload,worker,bundle']);
  if (!existsSync(join(repo, 'dist/renderer/index.html'))) run('npx', ['vite', 'build']);

  // A stand-in for the Electron download: a file named `electron` that carries a fuse wire, so
  // electron-builder's fuse step runs for real and its result can be read back.
  const fake = await mkdtemp(join(tmpdir(), 'vitrine-fake-electron-'));
  await mkdir(join(fake, 'electron'));
  const binary = join(fake, 'electron', 'electron');
  await writeFile(
    binary,
    Buffer.concat([
      Buffer.from('#!/bin/sh\nexit 0\n'),
      Buffer.from(SENTINEL),
      Buffer.from([1, 8]),
      Buffer.from(STOCK_WIRE),
    ]),
  );
  await chmod(binary, 0o755);

  out = await mkdtemp(join(tmpdir(), 'vitrine-pack-'));
  run(process.execPath, [
    'node_modules/electron-builder/cli.js',
    '--linux',
    'dir',
    '--publish',
    'never',
    `-c.electronDist=${join(fake, 'electron')}`,
    `-c.directories.output=${out}`,
  ]);
  asarPath = join(out, 'linux-unpacked', 'resources', 'app.asar');
  entries = listPackage(asarPath, { isPack: false }).map((e) => e.replaceAll('\\', '/'));
}, 240_000);

describe('electron-builder --linux dir', () => {
  it('puts main, preload, renderer and package.json into the asar', () => {
    for (const file of [
      '/package.json',
      '/dist/electron/main.cjs',
      '/dist/electron/preload.cjs',
      '/dist/renderer/index.html',
    ]) {
      expect(entries, file).toContain(file);
    }
    const packed = extractFile(asarPath, 'dist/electron/preload.cjs').toString('utf8');
    expect(packed).toBe(readFileSync(join(repo, 'dist/electron/preload.cjs'), 'utf8'));
    const pkg = JSON.parse(extractFile(asarPath, 'package.json').toString('utf8'));
    expect(pkg.main).toBe('dist/electron/main.cjs');
  });

  it('leaves out source maps, the CLI bundle and dependencies main does not load', () => {
    expect(entries.filter((e) => e.endsWith('.map'))).toEqual([]);
    expect(entries.filter((e) => e.startsWith('/dist/cli'))).toEqual([]);
    // The export's page checker and jsdom: the CLI's `vitrine export --verify`, not the app's.
    expect(entries).not.toContain('/dist/electron/verify.cjs');
    expect(entries.filter((e) => e.startsWith('/node_modules/jsdom'))).toEqual([]);
    expect(
      entries.filter((e) => /^\/node_modules\/(react|zod|lowdb|commander)(\/|$)/.test(e)),
    ).toEqual([]);
  });

  it('unpacks sharp and its native libraries from the asar', () => {
    const unpacked = join(out, 'linux-unpacked', 'resources', 'app.asar.unpacked', 'node_modules');
    expect(existsSync(join(unpacked, 'sharp', 'package.json'))).toBe(true);
    expect(existsSync(join(unpacked, '@img'))).toBe(true);
    // What sharp itself requires is packed too.
    for (const dep of Object.keys(
      JSON.parse(readFileSync(join(repo, 'node_modules/sharp/package.json'), 'utf8')).dependencies,
    )) {
      expect(
        entries.some((e) => e === `/node_modules/${dep}` || existsSync(join(unpacked, dep))),
        dep,
      ).toBe(true);
    }
  });

  it("carries the target's image backend: sharp's WebAssembly build on Linux, no native binary", () => {
    const resources = join(out, 'linux-unpacked', 'resources');
    const unpacked = join(resources, 'app.asar.unpacked', 'node_modules');
    const { sharpPackagesFor } = createRequire(__filename)(
      join(repo, 'electron/packaging/sharp-targets.cjs'),
    ) as { sharpPackagesFor(p: string, a: string): Array<{ name: string; file: string }> };
    const needed = sharpPackagesFor('linux', 'x64');
    expect(needed.map((p) => p.name)).toEqual(['@img/sharp-wasm32']);
    for (const p of needed) expect(existsSync(join(unpacked, p.name, p.file)), p.name).toBe(true);
    // The WebAssembly build's runtime is packed with it.
    expect(entries.some((e) => e.startsWith('/node_modules/@emnapi/runtime/'))).toBe(true);
    // No native sharp for Linux anywhere in the package: it would clash with Electron's GLib.
    const native = (e: string) => /\/node_modules\/@img\/sharp-(libvips-)?linux/.test(e);
    expect(entries.filter(native)).toEqual([]);
    expect(existsSync(join(unpacked, '@img', 'sharp-linux-x64'))).toBe(false);
    expect(existsSync(join(unpacked, '@img', 'sharp-libvips-linux-x64'))).toBe(false);
  });

  it('packs the worker bundle, which loads sharp and nothing else from node_modules', async () => {
    expect(entries).toContain('/dist/electron/worker.cjs');
    const worker = extractFile(asarPath, 'dist/electron/worker.cjs').toString('utf8');
    const required = new Set([...worker.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]!));
    const builtins = new Set(builtinModules);
    expect(
      [...required].filter((id) => !id.startsWith('node:') && !builtins.has(id)).sort(),
    ).toEqual(['sharp']);
    // Main never loads sharp at its top level: only inside the lazy loader.
    const main = await readFile(join(repo, 'dist/electron/main.cjs'), 'utf8');
    const topLevel = main
      .split('\n')
      .filter((line) => /^(var|const|let) .*require\("sharp"\)/.test(line));
    expect(topLevel).toEqual([]);
  });

  it('requires nothing at runtime but electron, sharp and Node built-ins (so the file list is enough)', async () => {
    const main = await readFile(join(repo, 'dist/electron/main.cjs'), 'utf8');
    const required = new Set([...main.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]!));
    const builtins = new Set(builtinModules);
    const external = [...required].filter((id) => !id.startsWith('node:') && !builtins.has(id));
    // ssh2's optional native addons stay unresolved on purpose: it requires them inside
    // try/catch and falls back to Node's crypto (electron/build.mjs).
    expect(external.sort()).toEqual([
      '../build/Release/cpufeatures.node',
      './crypto/build/Release/sshcrypto.node',
      'electron',
      'sharp',
    ]);
    // Files looked up in packages at runtime (createRequire(...).resolve) would be missing as well.
    const resolved = [...main.matchAll(/\.resolve\("([^"./][^"]*)"\)/g)].map((m) => m[1]!);
    expect(resolved.filter((id) => !id.startsWith('node:') && !id.startsWith('sharp'))).toEqual([]);
  });

  it('flips the release fuses on the packaged executable', async () => {
    const exe = await readFile(join(out, 'linux-unpacked', 'vitrine'));
    const wire = fuseWire(exe);
    expect(wire[0]).toBe('0'); // RunAsNode off
    expect(wire[1]).toBe('1'); // cookie encryption on
    expect(wire[2]).toBe('0'); // NODE_OPTIONS ignored
    expect(wire[3]).toBe('0'); // --inspect ignored
    expect(wire[4]).toBe('1'); // embedded asar integrity validation on
    expect(wire[5]).toBe('1'); // only load the app from the asar
    expect(wire[7]).toBe('0'); // no extra file:// privileges
  });
});

/**
 * The deb target, run by electron-builder itself on the folder packed above up to the point where
 * it would call fpm (which it downloads from GitHub, unreachable here). `effectiveOptionComputed`
 * is electron-builder's own hook for this: it receives fpm's arguments and the desktop entry, and
 * returning true stops the build there. The deb's metadata checks (homepage, maintainer) and the
 * AppArmor profile rendering run for real, so a configuration a user's `npm run dist` would reject
 * fails here.
 */
describe('electron-builder --linux deb (up to the fpm call)', () => {
  let args: string[] = [];
  let desktopEntry = '';
  let afterInstall = '';
  let profile = '';

  beforeAll(async () => {
    const unpacked = join(out, 'linux-unpacked');
    await build({
      targets: Platform.LINUX.createTarget('deb'),
      prepackaged: unpacked,
      publish: 'never',
      projectDir: repo,
      config: { directories: { output: join(out, 'deb') } },
      // electron-builder removes its temporary script files once the build ends: read them here.
      effectiveOptionComputed: async (options: unknown) => {
        const [fpmArgs, desktopFile] = options as [string[], string];
        args = fpmArgs;
        desktopEntry = await readFile(desktopFile, 'utf8');
        afterInstall = await readFile(fpmArgs[fpmArgs.indexOf('--after-install') + 1]!, 'utf8');
        profile = await readFile(join(unpacked, 'resources', 'apparmor-profile'), 'utf8');
        return true;
      },
    });
  }, 240_000);

  function option(name: string): string | undefined {
    const at = args.indexOf(name);
    return at < 0 ? undefined : args[at + 1];
  }

  it('has the metadata a deb needs', () => {
    expect(option('--name')).toBe('vitrine');
    expect(option('--maintainer')).toBe('Stadt Dortmund <international@dortmund.de>');
    expect(option('--url')).toMatch(/^https:\/\//);
    expect(args).toContain(`${join(out, 'linux-unpacked')}/=/opt/Vitrine`);
  });

  it('installs the AppArmor profile that allows user namespaces, with the sandbox on', () => {
    expect(profile).toContain('profile "vitrine" "/opt/Vitrine/vitrine" flags=(unconfined) {');
    expect(profile).toMatch(/^\s+userns,$/m);
    expect(profile).not.toMatch(/\$\{/);
    expect(afterInstall).toContain('apparmor_parser --replace');
    expect(afterInstall).toContain('/opt/Vitrine/resources/apparmor-profile');
    expect(profile).toContain('abi <abi/4.0>,');
    // Nothing anywhere turns Chromium's sandbox off (electron/electron#42510,
    // electron-userland/electron-builder#8440: the profile is the documented way instead).
    expect(afterInstall).not.toMatch(/no-sandbox/);
    expect(readFileSync(join(repo, 'electron-builder.yml'), 'utf8')).not.toMatch(/no-sandbox/);
  });

  it('names the desktop entry as Electron names the window, so the launcher finds it', () => {
    expect(args.filter((a) => a.endsWith('=/usr/share/applications/vitrine.desktop'))).toHaveLength(
      1,
    );
    expect(desktopEntry).toMatch(/^StartupWMClass=vitrine$/m);
    expect(desktopEntry).toMatch(/^Exec=\/opt\/Vitrine\/vitrine %U$/m);
    const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as {
      desktopName: string;
    };
    expect(pkg.desktopName).toBe('vitrine.desktop');
  });
});
