import type { ApiEventName, ApiMethodName } from './contract';
import { isApiResult, type ApiResult } from './envelope';
import type { ApiTransport, Unsubscribe } from './client';
import { WEB_API_PREFIX, WEB_EVENTS_PATH } from './transport';

/** The bits of `fetch` and `EventSource` the web transport needs; passed in, so shared stays DOM-free. */
export interface HttpTransportDeps {
  /** Origin of the web host; '' for the page's own origin. */
  baseUrl?: string;
  fetch: (
    url: string,
    init: {
      method: string;
      headers: Record<string, string>;
      body: string;
      credentials: 'same-origin';
    },
  ) => Promise<{ status: number; json(): Promise<unknown> }>;
  /** Omit where events are not needed (tests); `on` then never fires. */
  createEventSource?: (url: string) => {
    addEventListener(type: string, listener: (e: { data: string }) => void): void;
    removeEventListener(type: string, listener: (e: { data: string }) => void): void;
  };
  /** Sent as `Authorization: Bearer`; a browser page relies on the session cookie instead. */
  token?: string;
}

/**
 * Calls the loopback web host: `POST /api/<method>` with the input as JSON; events over one shared
 * `EventSource`. A response that is not an envelope becomes an INTERNAL error envelope, so callers
 * handle one shape.
 */
export function createHttpTransport(deps: HttpTransportDeps): ApiTransport {
  const base = deps.baseUrl ?? '';
  let source: ReturnType<NonNullable<HttpTransportDeps['createEventSource']>> | undefined;
  return {
    async call(method: ApiMethodName, input: unknown): Promise<ApiResult<unknown>> {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (deps.token) headers.authorization = `Bearer ${deps.token}`;
      let body: unknown;
      let status: number;
      try {
        const res = await deps.fetch(`${base}${WEB_API_PREFIX}${method}`, {
          method: 'POST',
          headers,
          body: JSON.stringify(input ?? {}),
          credentials: 'same-origin',
        });
        status = res.status;
        body = await res.json();
      } catch (err) {
        return {
          ok: false,
          error: {
            code: 'INTERNAL',
            message: `Vitrine web host not reachable (${err instanceof Error ? err.message : String(err)})`,
          },
        };
      }
      if (isApiResult(body)) return body;
      return {
        ok: false,
        error: { code: 'INTERNAL', message: `Unexpected answer (HTTP ${status})` },
      };
    },
    subscribe(event: ApiEventName, listener: (payload: unknown) => void): Unsubscribe {
      if (!deps.createEventSource) return () => {};
      source ??= deps.createEventSource(`${base}${WEB_EVENTS_PATH}`);
      const handler = (e: { data: string }) => {
        try {
          listener(JSON.parse(e.data));
        } catch {
          // A malformed event is dropped rather than breaking the page.
        }
      };
      source.addEventListener(event, handler);
      return () => source?.removeEventListener(event, handler);
    },
  };
}
