import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  ApiCallError,
  apiEventNames,
  apiEvents,
  apiMethodNames,
  apiMethods,
  buildBridge,
  createApiClient,
  isApiMethodName,
  isApiResult,
  type ApiOutput,
  type ApiResult,
  type ApiTransport,
  type LibrarySummary,
  type VitrineApi,
  type VitrineBridge,
} from '../../../../shared/api';
import type { CommandResult } from '../../../../shared/domain';

const summary: LibrarySummary = {
  id: 'lib-1',
  name: 'Probe',
  displayPath: '/tmp/probe',
  revision: 3,
  readOnly: false,
  itemCount: 0,
  isSample: false,
};

/** A transport that records calls and answers from a table, for the bridge/client plumbing. */
function recordingTransport(answers: Record<string, ApiResult<unknown>>) {
  const calls: Array<[string, unknown]> = [];
  const listeners = new Map<string, Array<(p: unknown) => void>>();
  const transport: ApiTransport = {
    async call(method, input) {
      calls.push([method, input]);
      return answers[method] ?? { ok: false, error: { code: 'NOT_FOUND', message: 'no answer' } };
    },
    subscribe(event, listener) {
      const list = listeners.get(event) ?? [];
      list.push(listener);
      listeners.set(event, list);
      return () =>
        listeners.set(
          event,
          (listeners.get(event) ?? []).filter((l) => l !== listener),
        );
    },
  };
  const emit = (event: string, payload: unknown) =>
    listeners.get(event)?.forEach((l) => l(payload));
  return { transport, calls, emit };
}

describe('api contract', () => {
  it('names every method namespace.name and declares the required ones', () => {
    for (const name of apiMethodNames) expect(name).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
    expect(apiMethodNames).toEqual(
      expect.arrayContaining([
        'app.info',
        'app.setUiLanguage',
        'session.state',
        'library.openSample',
        'library.openRecent',
        'library.openDialog',
        'library.createDialog',
        'library.close',
        'library.snapshot',
        'library.apply',
        'media.importDialog',
      ]),
    );
    expect(apiEventNames).toEqual(expect.arrayContaining(['libraryChanged', 'progress']));
  });

  it('rejects unknown keys in argument-less methods and accepts the empty object', () => {
    expect(apiMethods['app.info'].input.safeParse({}).success).toBe(true);
    expect(apiMethods['app.info'].input.safeParse({ path: '/etc' }).success).toBe(false);
    expect(apiMethods['library.openRecent'].input.safeParse({ id: 'x', extra: 1 }).success).toBe(
      false,
    );
  });

  it('validates library.apply commands with the domain schema', () => {
    const good = { command: { type: 'delete', collection: 'items', id: 'item-1' } };
    const parsed = apiMethods['library.apply'].input.parse(good);
    expect(parsed.command).toEqual({
      type: 'delete',
      collection: 'items',
      id: 'item-1',
      force: false,
    });
    expect(
      apiMethods['library.apply'].input.safeParse({
        command: { type: 'delete', collection: 'x', id: '1' },
      }).success,
    ).toBe(false);
    expect(
      apiMethods['library.apply'].input.safeParse({ command: { type: 'rm -rf' } }).success,
    ).toBe(false);
  });

  it('validates event payloads', () => {
    expect(apiEvents.libraryChanged.safeParse({ revision: 4 }).success).toBe(true);
    expect(apiEvents.libraryChanged.safeParse({ revision: -1 }).success).toBe(false);
    expect(
      apiEvents.libraryChanged.safeParse({
        revision: 5,
        changed: { items: { upserted: ['a'], removed: ['b'] } },
      }).success,
    ).toBe(true);
    expect(
      apiEvents.libraryChanged.safeParse({ revision: 5, changed: { items: { upserted: ['a'] } } })
        .success,
    ).toBe(false);
    expect(
      apiEvents.progress.safeParse({ taskId: 't', label: 'Export', done: 1, total: 3, step: 'x' })
        .success,
    ).toBe(true);
  });

  it('recognises method names without prototype keys', () => {
    expect(isApiMethodName('library.apply')).toBe(true);
    expect(isApiMethodName('constructor')).toBe(false);
    expect(isApiMethodName('__proto__')).toBe(false);
    expect(isApiMethodName(7)).toBe(false);
  });

  it('tells envelopes from other values', () => {
    expect(isApiResult({ ok: true, value: null })).toBe(true);
    expect(isApiResult({ ok: false, error: { code: 'INTERNAL', message: 'x' } })).toBe(true);
    expect(isApiResult({ ok: false })).toBe(false);
    expect(isApiResult('ok')).toBe(false);
  });
});

describe('bridge and client', () => {
  it('builds one function per method, grouped by namespace, passing {} when called bare', async () => {
    const { transport, calls } = recordingTransport({
      'library.openSample': { ok: true, value: summary },
    });
    const bridge = buildBridge(transport);
    for (const name of apiMethodNames) {
      const [ns, fn] = name.split('.') as [string, string];
      expect(typeof (bridge as unknown as Record<string, Record<string, unknown>>)[ns]?.[fn]).toBe(
        'function',
      );
    }
    expect(await bridge.library.openSample()).toEqual({ ok: true, value: summary });
    await bridge.library.openRecent({ id: 'abc' });
    expect(calls).toEqual([
      ['library.openSample', {}],
      ['library.openRecent', { id: 'abc' }],
    ]);
  });

  it('client unwraps values and throws ApiCallError with the code', async () => {
    const { transport } = recordingTransport({
      'session.state': { ok: true, value: { library: null, recent: [] } },
      'library.snapshot': { ok: false, error: { code: 'NOT_FOUND', message: 'Keine Bibliothek' } },
    });
    const api = createApiClient(buildBridge(transport));
    expect(await api.session.state()).toEqual({ library: null, recent: [] });
    const err = await api.library.snapshot().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiCallError);
    expect((err as ApiCallError).code).toBe('NOT_FOUND');
    expect((err as ApiCallError).message).toBe('Keine Bibliothek');
  });

  it('delivers events to listeners until they unsubscribe, and refuses unknown events', () => {
    const { transport, emit } = recordingTransport({});
    const api = createApiClient(buildBridge(transport));
    const seen: number[] = [];
    const off = api.on('libraryChanged', (p) => seen.push(p.revision));
    emit('libraryChanged', { revision: 1 });
    off();
    emit('libraryChanged', { revision: 2 });
    expect(seen).toEqual([1]);
    expect(() => api.on('nope' as 'progress', () => {})).toThrow(/Unknown event/);
  });

  it('derives types from the schemas', () => {
    expectTypeOf<ApiOutput<'library.apply'>>().toEqualTypeOf<CommandResult>();
    expectTypeOf<
      VitrineApi['library']['openSample']
    >().returns.resolves.toEqualTypeOf<LibrarySummary>();
    expectTypeOf<VitrineBridge['library']['openDialog']>().returns.resolves.toEqualTypeOf<
      ApiResult<LibrarySummary | null>
    >();
    expectTypeOf<VitrineApi['library']['openRecent']>().parameters.toEqualTypeOf<
      [input: { id: string }]
    >();
  });
});
