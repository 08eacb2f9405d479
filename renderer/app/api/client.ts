/**
 * The renderer's only door to main. Nothing else in renderer/ may touch `window.vitrine`, `fetch`
 * against the web host or `EventSource`: components and the store talk to a `VitrineClient`.
 *
 * Two transports carry the same contract (shared/api):
 * - Electron: the preload's `window.vitrine` bridge (IPC, envelopes as data);
 * - Web: the loopback web host (`vitrine web`), `POST /api/<method>` and server-sent events,
 *   authorised by the per-run token from the page URL.
 * Calls never reject: every failure, including a dead connection or a garbled answer, arrives as
 * an `{ ok: false, error: { code, message } }` envelope with a message in the UI language, so the
 * UI has exactly one error path.
 */
import {
  apiEventNames,
  buildBridge,
  createHttpTransport,
  fail,
  isApiResult,
  splitMethodName,
  MEDIA_BASE_URL,
  WEB_TOKEN_PARAM,
  WEB_UPLOAD_PATH,
  type ApiArgs,
  type ApiEventName,
  type ApiListener,
  type ApiMethodName,
  type ApiOutput,
  type ApiResult,
  type ApiTransport,
  type ElectronBridge,
  type HttpTransportDeps,
  type MediaImportResult,
  type Unsubscribe,
  type VitrineBridge,
} from '../../../shared/api';
import type { ErrorCode, ErrorData } from '../../../shared/errors';

export type TransportKind = 'electron' | 'web';
export type ClientLanguage = 'de' | 'en';

export interface VitrineClient {
  readonly transport: TransportKind;
  /** Calls one API method; always resolves, errors arrive as envelopes. */
  call<M extends ApiMethodName>(method: M, ...args: ApiArgs<M>): Promise<ApiResult<ApiOutput<M>>>;
  /** The contract's nested shape (`client.bridge.library.snapshot()`), same guarantees as `call`. */
  readonly bridge: VitrineBridge;
  on<E extends ApiEventName>(event: E, listener: ApiListener<E>): Unsubscribe;
  /** URL for a file inside the library (`media/ab/ab…jpg`), for `<img src>`. */
  mediaUrl(relPath: string): string;
  /**
   * Web host only: sends one file's bytes to `POST /upload` (no name, no path) and answers the
   * upload id to pass to `media.importUploads`. Electron answers FORBIDDEN: there main owns the
   * file dialog (`media.importDialog`).
   */
  upload(file: Blob): Promise<ApiResult<{ uploadId: string }>>;
  /**
   * Electron only: imports files dropped on the window. The preload reads their paths and main
   * imports them (the page never handles a path); the answer is `media.importDialog`'s. The web
   * host answers FORBIDDEN: there dropped files go through `upload` and `media.importUploads`.
   */
  importDropped(files: File[]): Promise<ApiResult<MediaImportResult>>;
}

/** What the client needs from its surroundings; `browserEnvironment()` supplies the real ones. */
export interface ClientEnvironment {
  /** `window.vitrine` when the preload ran; absent in a plain browser. */
  vitrine?: unknown;
  /** `location.href` of the page. */
  href?: string;
  fetch?: typeof fetch;
  EventSource?: typeof EventSource;
  sessionStorage?: Pick<Storage, 'getItem' | 'setItem'>;
  /** Removes the token from the address bar once read, so it is not kept in history. */
  replaceUrl?: (url: string) => void;
  /** The UI language, read at the moment a client-side error message is written. */
  language?: () => ClientLanguage;
}

const TOKEN_STORAGE_KEY = 'vitrine.token';

/** Client-side failures, worded for people in both UI languages. */
const MESSAGES = {
  unreachable: {
    de: 'Vitrine antwortet nicht. Läuft das Programm noch?',
    en: 'Vitrine is not answering. Is the program still running?',
  },
  badAnswer: {
    de: 'Vitrine hat eine unverständliche Antwort geschickt (HTTP {status}).',
    en: 'Vitrine sent an answer that could not be understood (HTTP {status}).',
  },
  noUpload: {
    de: 'Dateien werden in der Desktop-App über „Importieren …“ gewählt.',
    en: 'In the desktop app, files are chosen with “Import …”.',
  },
  noDropImport: {
    de: 'Abgelegte Dateien werden im Browser hochgeladen, nicht über die Desktop-Brücke.',
    en: 'In the browser, dropped files are uploaded, not passed through the desktop bridge.',
  },
  unauthorized: {
    de: 'Der Zugangsschlüssel fehlt oder ist ungültig. Öffnen Sie die Adresse, die `vitrine web` ausgegeben hat.',
    en: 'The access token is missing or invalid. Open the address that `vitrine web` printed.',
  },
  bridgeFailed: {
    de: 'Die Verbindung zum Hauptprozess ist fehlgeschlagen: {cause}',
    en: 'The connection to the main process failed: {cause}',
  },
} as const;

type MessageKey = keyof typeof MESSAGES;

function isBridge(value: unknown): value is VitrineBridge {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { on?: unknown }).on === 'function'
  );
}

/** Electron when the preload exposed a bridge, otherwise the web host. */
export function detectTransport(env: Pick<ClientEnvironment, 'vitrine'>): TransportKind {
  return isBridge(env.vitrine) ? 'electron' : 'web';
}

/**
 * The per-run token: from `?token=` on first load (then remembered for this tab, so a reload
 * after the address bar was cleaned still works), else from session storage.
 */
export function resolveToken(env: ClientEnvironment): string | null {
  let fromUrl: string | null = null;
  if (env.href) {
    const url = new URL(env.href);
    fromUrl = url.searchParams.get(WEB_TOKEN_PARAM);
    if (fromUrl) {
      env.sessionStorage?.setItem(TOKEN_STORAGE_KEY, fromUrl);
      url.searchParams.delete(WEB_TOKEN_PARAM);
      env.replaceUrl?.(url.pathname + url.search + url.hash);
    }
  }
  return fromUrl ?? env.sessionStorage?.getItem(TOKEN_STORAGE_KEY) ?? null;
}

function makeError(
  env: ClientEnvironment,
  code: ErrorCode,
  key: MessageKey,
  vars: Record<string, string> = {},
): ErrorData {
  const lang = env.language?.() ?? 'de';
  const message = MESSAGES[key][lang].replace(/\{(\w+)\}/g, (_, name: string) => vars[name] ?? '');
  return { code, message };
}

/**
 * The web host transport is shared/api's `createHttpTransport`; this adapter gives it `fetch`
 * with client-side failures (no answer, an answer that is not an envelope, a refused token)
 * already turned into envelopes worded in the UI language.
 */
export function createWebTransport(env: ClientEnvironment): ApiTransport {
  const doFetch = env.fetch ?? globalThis.fetch.bind(globalThis);
  const token = resolveToken(env);
  const origin = env.href ? new URL(env.href).origin : '';
  const Source = env.EventSource ?? globalThis.EventSource;

  const fetchEnvelope: HttpTransportDeps['fetch'] = async (url, init) => {
    let response: Response;
    try {
      response = await doFetch(url, { ...init, cache: 'no-store' });
    } catch {
      return { status: 0, json: async () => fail(makeError(env, 'INTERNAL', 'unreachable')) };
    }
    return {
      status: response.status,
      json: async () => {
        let body: unknown;
        try {
          body = await response.json();
        } catch {
          body = undefined;
        }
        // The host answers its own errors as envelopes with a fitting status; keep those.
        if (isApiResult(body)) return body;
        if (response.status === 401) return fail(makeError(env, 'UNAUTHORIZED', 'unauthorized'));
        if (response.status === 403) return fail(makeError(env, 'FORBIDDEN', 'unauthorized'));
        return fail(makeError(env, 'INTERNAL', 'badAnswer', { status: String(response.status) }));
      },
    };
  };

  return createHttpTransport({
    baseUrl: origin,
    fetch: fetchEnvelope,
    // EventSource cannot send headers; the token rides in the query (the cookie would do too).
    createEventSource: Source
      ? (url) => {
          const withToken = new URL(url, origin || undefined);
          if (token) withToken.searchParams.set(WEB_TOKEN_PARAM, token);
          return new Source(withToken.href);
        }
      : undefined,
    ...(token ? { token } : {}),
  });
}

/**
 * Wraps the preload's bridge so a rejected `invoke` (main crashed, channel refused) or a value
 * that is not an envelope becomes an error envelope instead of an exception in a component.
 */
export function createElectronTransport(
  bridge: VitrineBridge,
  env: ClientEnvironment,
): ApiTransport {
  const groups = bridge as unknown as Record<string, Record<string, (input: unknown) => unknown>>;
  return {
    async call(method, input) {
      const [ns, name] = splitMethodName(method);
      try {
        const fn = groups[ns]?.[name];
        if (typeof fn !== 'function') throw new Error(`${method} is not exposed`);
        const result = await fn(input);
        if (isApiResult(result)) return result;
        throw new Error(`${method} answered no envelope`);
      } catch (cause) {
        const text = cause instanceof Error ? cause.message : String(cause);
        return { ok: false, error: makeError(env, 'INTERNAL', 'bridgeFailed', { cause: text }) };
      }
    },
    subscribe(event, listener) {
      return bridge.on(event, listener as ApiListener<typeof event>);
    },
  };
}

/** Path segments are encoded one by one so a `#` or `?` in a name can never end the path. */
export function encodeMediaPath(relPath: string): string {
  return relPath
    .split('/')
    .filter((segment) => segment !== '')
    .map(encodeURIComponent)
    .join('/');
}

export function createClient(env: ClientEnvironment): VitrineClient {
  const transport = detectTransport(env);
  const wire =
    transport === 'electron'
      ? createElectronTransport(env.vitrine as VitrineBridge, env)
      : createWebTransport(env);
  const bridge = buildBridge(wire);
  return {
    transport,
    bridge,
    call(method, ...args) {
      return wire.call(method, args[0] ?? {}) as never;
    },
    on(event, listener) {
      if (!apiEventNames.includes(event)) throw new Error(`Unknown event: ${String(event)}`);
      return wire.subscribe(event, listener as (payload: unknown) => void);
    },
    async upload(file) {
      if (transport === 'electron') {
        return { ok: false, error: makeError(env, 'FORBIDDEN', 'noUpload') };
      }
      const doFetch = env.fetch ?? globalThis.fetch.bind(globalThis);
      const origin = env.href ? new URL(env.href).origin : '';
      const token = env.sessionStorage?.getItem(TOKEN_STORAGE_KEY) ?? null;
      let response: Response;
      try {
        response = await doFetch(`${origin}${WEB_UPLOAD_PATH}`, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/octet-stream',
            ...(token ? { Authorization: `Bearer ${token}` } : {}),
          },
          body: file,
          cache: 'no-store',
        });
      } catch {
        return { ok: false, error: makeError(env, 'INTERNAL', 'unreachable') };
      }
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        body = undefined;
      }
      if (isApiResult(body)) return body as ApiResult<{ uploadId: string }>;
      return {
        ok: false,
        error: makeError(env, 'INTERNAL', 'badAnswer', { status: String(response.status) }),
      };
    },
    async importDropped(files) {
      const importer = (env.vitrine as Partial<ElectronBridge> | undefined)?.media?.importDropped;
      if (transport !== 'electron' || typeof importer !== 'function') {
        return { ok: false, error: makeError(env, 'FORBIDDEN', 'noDropImport') };
      }
      try {
        const result = await importer(files);
        if (isApiResult(result)) return result;
        throw new Error('media.importDropped answered no envelope');
      } catch (cause) {
        const text = cause instanceof Error ? cause.message : String(cause);
        return { ok: false, error: makeError(env, 'INTERNAL', 'bridgeFailed', { cause: text }) };
      }
    },
    mediaUrl(relPath) {
      // Same-origin on both transports, so the CSP's img-src 'self' covers it.
      return MEDIA_BASE_URL + encodeMediaPath(relPath);
    },
  };
}

/** The real surroundings of the page (the one place that reads these globals). */
export function browserEnvironment(language: () => ClientLanguage): ClientEnvironment {
  const w = window as Window & typeof globalThis & { vitrine?: unknown };
  return {
    vitrine: w.vitrine,
    href: w.location.href,
    fetch: w.fetch.bind(w),
    EventSource: w.EventSource,
    sessionStorage: w.sessionStorage,
    replaceUrl: (url) => w.history.replaceState(w.history.state, '', url),
    language,
  };
}
