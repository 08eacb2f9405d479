// Types only from the contract: this module must not pull zod into the preload bundle.
import type {
  ApiEventName,
  ApiEventPayload,
  ApiInput,
  ApiMethodName,
  ApiOutput,
  MediaImportResult,
} from './contract';
import { API_EVENT_NAMES, API_METHOD_NAMES } from './names';
import { ApiCallError, type ApiResult } from './envelope';

type Namespace<M extends string> = M extends `${infer N}.${string}` ? N : never;
export type ApiNamespace = Namespace<ApiMethodName>;
type MethodsIn<N extends string> = Extract<ApiMethodName, `${N}.${string}`>;
type ShortName<M extends string, N extends string> = M extends `${N}.${infer F}` ? F : never;

/** Methods without required fields may be called without an argument. */
export type ApiArgs<M extends ApiMethodName> =
  Record<string, never> extends ApiInput<M> ? [input?: ApiInput<M>] : [input: ApiInput<M>];

export type ApiListener<E extends ApiEventName> = (payload: ApiEventPayload<E>) => void;
export type Unsubscribe = () => void;

export interface ApiSubscriber {
  /** Subscribes to an event main pushes; the listener gets the payload only, never a raw IPC event. */
  on<E extends ApiEventName>(event: E, listener: ApiListener<E>): Unsubscribe;
}

/**
 * `window.vitrine` as the preload exposes it, and what the web transport provides: one function
 * per method, grouped by the part before the dot (`vitrine.library.apply({ command })`), each
 * answering an envelope.
 */
export type VitrineBridge = {
  readonly [N in ApiNamespace]: {
    readonly [M in MethodsIn<N> as ShortName<M, N>]: (
      ...args: ApiArgs<M>
    ) => Promise<ApiResult<ApiOutput<M>>>;
  };
} & ApiSubscriber;

/**
 * `window.vitrine` in Electron: the contract's bridge plus the preload-only functions
 * (PRELOAD_ONLY_METHOD_NAMES). `files` are the page's `File` objects (typed structurally, as
 * shared/ knows no DOM); the preload reads their paths, the page never does.
 */
export type ElectronBridge = VitrineBridge & {
  readonly media: {
    readonly importDropped: (
      files: readonly { readonly name: string }[],
    ) => Promise<ApiResult<MediaImportResult>>;
  };
};

/** The same, unwrapped: answers the value or throws `ApiCallError` with the error's code. */
export type VitrineApi = {
  readonly [N in ApiNamespace]: {
    readonly [M in MethodsIn<N> as ShortName<M, N>]: (...args: ApiArgs<M>) => Promise<ApiOutput<M>>;
  };
} & ApiSubscriber;

/** A transport reduced to its two operations; `buildBridge` turns it into a `VitrineBridge`. */
export interface ApiTransport {
  call(method: ApiMethodName, input: unknown): Promise<ApiResult<unknown>>;
  subscribe(event: ApiEventName, listener: (payload: unknown) => void): Unsubscribe;
}

export function splitMethodName(method: ApiMethodName): [namespace: string, name: string] {
  const dot = method.indexOf('.');
  return [method.slice(0, dot), method.slice(dot + 1)];
}

/**
 * Builds the nested bridge object from the method table. Plain objects and functions only, so
 * it survives contextBridge; events other than the declared ones are refused here already.
 */
export function buildBridge(transport: ApiTransport): VitrineBridge {
  const bridge: Record<
    string,
    Record<string, (input?: unknown) => Promise<ApiResult<unknown>>>
  > = {};
  for (const method of API_METHOD_NAMES) {
    const [ns, name] = splitMethodName(method);
    const group = (bridge[ns] ??= {});
    group[name] = (input?: unknown) => transport.call(method, input ?? {});
  }
  const on = (event: ApiEventName, listener: (payload: unknown) => void): Unsubscribe => {
    if (!(API_EVENT_NAMES as readonly string[]).includes(event))
      throw new Error(`Unknown event: ${String(event)}`);
    if (typeof listener !== 'function') throw new Error('listener must be a function');
    return transport.subscribe(event, listener);
  };
  return { ...bridge, on } as unknown as VitrineBridge;
}

/** Unwraps envelopes: what React code calls. */
export function createApiClient(bridge: VitrineBridge): VitrineApi {
  const api: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> = {};
  const raw = bridge as unknown as Record<
    string,
    Record<string, (input?: unknown) => Promise<ApiResult<unknown>>>
  >;
  for (const method of API_METHOD_NAMES) {
    const [ns, name] = splitMethodName(method);
    const group = (api[ns] ??= {});
    group[name] = async (input?: unknown) => {
      const fn = raw[ns]?.[name];
      if (!fn) throw new Error(`Bridge lacks ${method}`);
      const result = await fn(input);
      if (result.ok) return result.value;
      throw new ApiCallError(result.error);
    };
  }
  return { ...api, on: bridge.on.bind(bridge) } as unknown as VitrineApi;
}
