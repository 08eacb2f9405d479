import { describe, expect, it } from 'vitest';
import { createDispatch, type ApiHandlers } from '../../../../../electron/core/api';
import { AppError } from '../../../../../shared/errors';

const info = {
  version: '1',
  platform: 'linux',
  transport: 'web' as const,
  uiLanguage: 'de' as const,
  mediaBaseUrl: '/media/',
};
const unused = async (): Promise<never> => {
  throw new Error('not called');
};

/** A complete handler table whose entries the tests replace one by one. */
function table(overrides: Partial<ApiHandlers>): ApiHandlers {
  return {
    'app.info': async () => info,
    'app.setUiLanguage': unused,
    'session.state': async () => ({ library: null, recent: [] }),
    'library.openSample': unused,
    'library.openRecent': unused,
    'library.openDialog': unused,
    'library.createDialog': unused,
    'library.close': async () => null,
    'library.snapshot': unused,
    'library.apply': unused,
    'media.importDialog': unused,
    'media.importUploads': unused,
    'exhibitions.checkForExport': unused,
    'exhibitions.chooseExportTarget': unused,
    'exhibitions.export': unused,
    'exhibitions.revealExport': unused,
    'tasks.cancel': unused,
    'backups.list': unused,
    'backups.preview': unused,
    'backups.restore': unused,
    'tables.preview': unused,
    'tables.dryRun': unused,
    'tables.import': unused,
    'files.chooseUpload': unused,
    'tables.chooseMediaFolder': unused,
    'tables.stageMedia': unused,
    'packages.inspect': unused,
    'packages.import': unused,
    'packages.export': unused,
    'publish.targets': unused,
    'publish.saveTarget': unused,
    'publish.removeTarget': unused,
    'publish.start': unused,
    'publish.cancel': unused,
    'kiosk.statsReport': unused,
    'items.query': unused,
    'items.byIds': unused,
    ...overrides,
  };
}

describe('dispatch', () => {
  it('answers values in an ok envelope and treats a missing input as {}', async () => {
    const dispatch = createDispatch({ handlers: table({}), lang: () => 'de' });
    expect(await dispatch('app.info', undefined)).toEqual({ ok: true, value: info });
  });

  it('turns AppErrors into data in the current language', async () => {
    let lang: 'de' | 'en' = 'de';
    const dispatch = createDispatch({
      handlers: table({
        'library.close': async () => {
          throw new AppError(
            'LIBRARY_LOCKED',
            { de: 'Gesperrt', en: 'Locked' },
            { details: { pid: 1 } },
          );
        },
      }),
      lang: () => lang,
    });
    expect(await dispatch('library.close', {})).toEqual({
      ok: false,
      error: { code: 'LIBRARY_LOCKED', message: 'Gesperrt', details: { pid: 1 } },
    });
    lang = 'en';
    expect(await dispatch('library.close', {})).toMatchObject({ error: { message: 'Locked' } });
  });

  it('hides unexpected errors behind INTERNAL without message text or stack, and logs them', async () => {
    const logged: unknown[] = [];
    const dispatch = createDispatch({
      handlers: table({
        'library.close': async () => {
          throw new Error("ENOENT: no such file or directory, open '/home/kurator/geheim.json'");
        },
      }),
      lang: () => 'en',
      logError: (_m, e) => logged.push(e),
    });
    const result = await dispatch('library.close', {});
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'INTERNAL',
        message: 'Unexpected error in library.close. Details are in the log.',
      },
    });
    expect(JSON.stringify(result)).not.toContain('geheim');
    expect(logged).toHaveLength(1);
  });

  it('checks answers against the output schema when asked to', async () => {
    const drifting = table({
      'app.info': async () => ({ ...info, transport: 'carrier-pigeon' }) as never,
    });
    const checked = createDispatch({
      handlers: drifting,
      lang: () => 'en',
      checkOutput: true,
      logError: () => undefined,
    });
    expect(await checked('app.info', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    const unchecked = createDispatch({ handlers: drifting, lang: () => 'en', checkOutput: false });
    expect(await unchecked('app.info', {})).toMatchObject({ ok: true });
  });

  it('never runs a handler for an unknown or prototype method name', async () => {
    let called = false;
    const dispatch = createDispatch({
      handlers: table({
        'app.info': async () => {
          called = true;
          return info;
        },
      }),
      lang: () => 'de',
    });
    for (const name of ['constructor', '__proto__', 'toString', 'app.info ', 'APP.INFO', '']) {
      expect(await dispatch(name, {})).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
    expect(called).toBe(false);
  });
});
