import { describe, expect, it } from 'vitest';
import {
  APP_USER_MODEL_ID,
  isDevelopmentRun,
  libraryArg,
  libraryFromSecondInstance,
} from '../../../../electron/main/launch';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

describe('launch arguments', () => {
  it('reads --library= and resolves it against the working directory', () => {
    expect(libraryArg(['/opt/v/vitrine', '--library=/data/lib'], '/home/k')).toBe('/data/lib');
    expect(libraryArg(['/opt/v/vitrine', '.', '--library=lib'], '/home/k')).toBe(
      resolve('/home/k', 'lib'),
    );
    expect(libraryArg(['/opt/v/vitrine'], '/home/k')).toBeNull();
    expect(libraryArg(['/opt/v/vitrine', '--library='], '/home/k')).toBeNull();
    // argv[0] is the executable, never an argument.
    expect(libraryArg(['--library=/x'], '/home/k')).toBeNull();
  });

  it('prefers the data a second instance sent over its (reordered) argv', () => {
    expect(libraryFromSecondInstance(['/v', '--library=/a'], '/', { library: '/b' })).toBe('/b');
    expect(libraryFromSecondInstance(['/v', '--library=/a'], '/', {})).toBe('/a');
    expect(libraryFromSecondInstance(['/v', '--library=rel'], '/home/k', null)).toBe(
      resolve('/home/k', 'rel'),
    );
    // Data that is not an absolute path is not trusted to mean a folder.
    expect(libraryFromSecondInstance(['/v'], '/', { library: 'rel' })).toBeNull();
    expect(libraryFromSecondInstance(['/v'], '/', 'nonsense')).toBeNull();
  });

  it('treats only unpackaged runs as development', () => {
    expect(isDevelopmentRun({ isPackaged: false, env: {} })).toBe(true);
    expect(isDevelopmentRun({ isPackaged: true, env: {} })).toBe(false);
    expect(isDevelopmentRun({ isPackaged: false, env: { VITRINE_RELEASE_LIKE: '1' } })).toBe(false);
  });

  it('uses electron-builder’s appId as the Windows AppUserModelID', () => {
    const yml = readFileSync(resolve(__dirname, '../../../../electron-builder.yml'), 'utf8');
    expect(yml).toMatch(new RegExp(`^appId: ${APP_USER_MODEL_ID.replaceAll('.', '\\.')}$`, 'm'));
  });
});
