import { readFile, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createLibrary, openLibrary, readLock } from '../../../../../electron/core/library';
import { bundleWriter, startChild } from './child/spawn';
import { caught, exists, manualClock, tempDir } from './helpers';

let script: string;
beforeAll(async () => {
  script = await bundleWriter();
});

async function newLibraryDir() {
  const dir = join(await tempDir(), 'lib');
  const library = await createLibrary(dir, {
    name: 'Test',
    languages: ['de'],
    defaultLanguage: 'de',
  });
  await library.close();
  return dir;
}

describe('one writer per library', () => {
  it('refuses a second writer process, allows read-only, and takes over after kill -9', async () => {
    const dir = await newLibraryDir();
    const child = startChild(script, ['hold', dir]);
    const ready = await child.waitFor(/^READY/);
    const pid = Number(ready.split(' ')[1]);
    expect(await readLock(dir)).toMatchObject({ pid, hostname: hostname() });

    const error = await caught(() => openLibrary(dir));
    expect(error.code).toBe('LIBRARY_LOCKED');
    expect(error.messages.en).toContain(`process ${pid} on ${hostname()} since`);
    expect(error.messages.de).toContain('schreibgeschützt');
    expect(error.details).toMatchObject({ holder: { pid } });

    const reader = await openLibrary(dir, { readOnly: true });
    expect(reader.manifest.name).toBe('Test');
    await reader.close();

    child.process.kill('SIGKILL');
    await child.exited;
    expect(await exists(join(dir, '.vitrine.lock'))).toBe(true);
    const library = await openLibrary(dir);
    expect(library.staleLockTakenOver).toMatchObject({ pid, hostname: hostname() });
    expect(await readLock(dir)).toMatchObject({ pid: process.pid });
    await library.close();
    expect(await exists(join(dir, '.vitrine.lock'))).toBe(false);
  });

  it('removes the lock when the process exits without closing', async () => {
    const dir = await newLibraryDir();
    const child = startChild(script, ['exit', dir]);
    expect(await child.exited).toBe(0);
    expect(await exists(join(dir, '.vitrine.lock'))).toBe(false);
  });

  it('treats a lock from another host as live for 24 hours', async () => {
    const dir = await newLibraryDir();
    const clock = manualClock('2025-03-10T09:00:00.000Z');
    const lock = { pid: 4242, hostname: 'archiv-pc-07', startedAt: '2025-03-09T12:00:00.000Z' };
    await writeFile(join(dir, '.vitrine.lock'), JSON.stringify(lock));
    const error = await caught(() => openLibrary(dir, { clock }));
    expect(error.code).toBe('LIBRARY_LOCKED');
    expect(error.messages.de).toContain('archiv-pc-07');
    clock.set('2025-03-10T12:00:01.000Z');
    const library = await openLibrary(dir, { clock });
    expect(library.staleLockTakenOver).toEqual(lock);
    await library.close();
  });

  it('waits for an unreadable lock unless it is old', async () => {
    const dir = await newLibraryDir();
    await writeFile(join(dir, '.vitrine.lock'), '');
    expect((await caught(() => openLibrary(dir))).code).toBe('LIBRARY_LOCKED');
    const old = new Date(Date.now() - 60_000);
    await utimes(join(dir, '.vitrine.lock'), old, old);
    const library = await openLibrary(dir);
    expect(JSON.parse(await readFile(join(dir, '.vitrine.lock'), 'utf8')).pid).toBe(process.pid);
    await library.close();
  });
});

describe('lock creation', () => {
  it('never leaves a half-written lock and sweeps attempts of killed processes', async () => {
    const dir = await newLibraryDir();
    // What a process killed between writing its attempt and linking it leaves behind
    // (pid above Linux's pid_max, so certainly not alive).
    const leftover = join(dir, '.vitrine.lock.99999999.abcd1234.tmp');
    await writeFile(leftover, '{"pid":99999999}');
    const library = await openLibrary(dir);
    try {
      expect(await exists(leftover)).toBe(false);
      const text = await readFile(join(dir, '.vitrine.lock'), 'utf8');
      expect(JSON.parse(text)).toMatchObject({ pid: process.pid, hostname: hostname() });
    } finally {
      await library.close();
    }
    expect(await exists(join(dir, '.vitrine.lock'))).toBe(false);
  });
});
