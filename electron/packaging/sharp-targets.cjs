// Which of sharp's packages a desktop build for a target OS and CPU must carry, and a
// before-pack hook that installs them when missing (sharp's documented cross-platform install,
// `npm install --os=… --cpu=… sharp`, https://sharp.pixelplumbing.com/install#cross-platform).
//
// Linux builds carry sharp's WebAssembly build and none of the native Linux binaries: in
// Electron on Linux, libvips' bundled GLib/GObject and the system GLib that Electron loads
// interpose each other and crash (electron/electron#46323, lovell/sharp#4522, #4525 — also in a
// utilityProcess; sharp warns `SharpElectronLinux`). Without a native binary, sharp's loader
// falls back to `@img/sharp-wasm32`, which carries its own statically linked libvips.
// Windows and macOS carry the native binary for their CPU.
const { execFileSync } = require('node:child_process');
const { existsSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

const ARCH = { 0: 'ia32', 1: 'x64', 2: 'armv7l', 3: 'arm64', 4: 'universal' };

/** The packages (under node_modules/@img) a target needs, each with a file that proves it. */
function sharpPackagesFor(platform, arch) {
  if (platform === 'linux') {
    const version = require(join(__dirname, '../../node_modules/sharp/package.json')).version;
    return [{ name: '@img/sharp-wasm32', file: `lib/sharp-wasm32-${version}.node.wasm` }];
  }
  const os = platform === 'darwin' ? 'darwin' : 'win32';
  const cpu = arch === 'ia32' ? 'ia32' : arch === 'arm64' ? 'arm64' : 'x64';
  const out = [{ name: `@img/sharp-${os}-${cpu}`, file: 'package.json' }];
  // macOS keeps libvips in a package of its own; on Windows it is inside the sharp package.
  if (os === 'darwin') out.push({ name: `@img/sharp-libvips-${os}-${cpu}`, file: 'package.json' });
  return out;
}

async function beforePack(context) {
  const root = context.packager.projectDir;
  const platform = context.electronPlatformName;
  const arch = ARCH[context.arch] ?? 'x64';
  const missing = sharpPackagesFor(platform, arch).filter(
    (p) => !existsSync(join(root, 'node_modules', p.name, p.file)),
  );
  if (missing.length === 0) return;
  const version = JSON.parse(
    readFileSync(join(root, 'node_modules/sharp/package.json'), 'utf8'),
  ).version;
  const os = platform === 'darwin' ? 'darwin' : platform === 'win32' ? 'win32' : 'linux';
  const cpu = platform === 'linux' ? 'wasm32' : arch;
  console.log(
    `  • sharp for ${os}-${cpu}: npm install --no-save --os=${os} --cpu=${cpu} sharp@${version}`,
  );
  execFileSync(
    process.platform === 'win32' ? 'npm.cmd' : 'npm',
    [
      'install',
      '--no-save',
      '--no-audit',
      '--no-fund',
      `--os=${os}`,
      `--cpu=${cpu}`,
      `sharp@${version}`,
    ],
    { cwd: root, stdio: 'inherit' },
  );
}

module.exports = { sharpPackagesFor, beforePack, default: beforePack };
