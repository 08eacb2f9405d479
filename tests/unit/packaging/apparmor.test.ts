import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The deb ships an AppArmor profile that allows the app user namespaces (Ubuntu ≥ 23.10 restricts
 * them, electron/electron#42510, electron-userland/electron-builder#8440), so Chromium's sandbox
 * works instead of being turned off. electron-builder renders `deb.appArmorProfile` with its
 * `${name}` template syntax and its after-install script installs the result.
 */
const repo = resolve(__dirname, '../../..');
const yml = readFileSync(join(repo, 'electron-builder.yml'), 'utf8');

function render(template: string, values: Record<string, string>): string {
  // As app-builder-lib's FpmTarget `writeConfigFile` does.
  return template.replace(/\${([a-zA-Z]+)}/g, (match, name: string) => values[name] ?? match);
}

describe('AppArmor profile of the deb package', () => {
  it('is the one electron-builder.yml names', () => {
    expect(yml).toMatch(/^ {2}appArmorProfile: resources\/linux\/apparmor-profile\.tpl$/m);
  });

  it('allows user namespaces for the installed executable and keeps the sandbox', () => {
    const executable = /^ {2}executableName: (\S+)$/m.exec(yml)![1]!;
    const productName = /^productName: (\S+)$/m.exec(yml)![1]!;
    const profile = render(
      readFileSync(join(repo, 'resources/linux/apparmor-profile.tpl'), 'utf8'),
      { executable, sanitizedProductName: productName },
    );
    expect(profile).toContain('abi <abi/4.0>,');
    expect(profile).toContain(`profile "vitrine" "/opt/Vitrine/vitrine" flags=(unconfined) {`);
    expect(profile).toMatch(/^\s+userns,$/m);
    expect(profile).not.toMatch(/\$\{/);
    // Nothing anywhere turns Chromium's sandbox off.
    expect(yml).not.toMatch(/no-sandbox/);
  });

  it('is installed by the after-install script of the pinned electron-builder', () => {
    const script = readFileSync(
      join(repo, 'node_modules/app-builder-lib/templates/linux/after-install.tpl'),
      'utf8',
    );
    expect(script).toContain(
      "APPARMOR_PROFILE_SOURCE='/opt/${sanitizedProductName}/resources/apparmor-profile'",
    );
    expect(script).toContain('apparmor_parser --replace');
    expect(yml).not.toMatch(/^ {2}afterInstall:/m);
  });
});
