import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { buildBridge } from '../../shared/api/client';
import {
  IPC_EVENT_CHANNEL,
  IPC_IMPORT_PATHS_CHANNEL,
  IPC_INVOKE_CHANNEL,
  MAX_DROPPED_FILES,
} from '../../shared/api/transport';
import type { ApiResult } from '../../shared/api/envelope';

/*
 * The whole preload: `window.vitrine` with one function per contract method and `on(event, cb)`,
 * plus `media.importDropped(files)` for drag and drop.
 * Security decision: the page never sees ipcRenderer or an IpcRendererEvent — listeners get the
 * payload only, calls go through one channel whose method names come from the contract, and
 * main checks the sender and validates every input anyway. Dropped files are the one place a
 * path exists: it is read here from the `File` object and sent on a channel of its own, so the
 * page can neither learn a path nor name one.
 */
const listeners = new Map<string, Set<(payload: unknown) => void>>();
/**
 * Events that arrived before the page subscribed to their name (main's gate opens on the page's
 * first call, but the page may subscribe to some events later): replayed to the first
 * subscriber, at most 100 per name.
 */
const early = new Map<string, unknown[]>();
const EARLY_LIMIT = 100;

function deliver(name: string, payload: unknown): void {
  for (const listener of [...(listeners.get(name) ?? [])]) {
    try {
      listener(payload);
    } catch (error) {
      console.error(error);
    }
  }
}

ipcRenderer.on(IPC_EVENT_CHANNEL, (_event, name: unknown, payload: unknown) => {
  if (typeof name !== 'string') return;
  if ((listeners.get(name)?.size ?? 0) === 0) {
    const waiting = early.get(name) ?? [];
    waiting.push(payload);
    if (waiting.length > EARLY_LIMIT) waiting.shift();
    early.set(name, waiting);
    return;
  }
  deliver(name, payload);
});

const bridge = buildBridge({
  call: (method, input) =>
    ipcRenderer.invoke(IPC_INVOKE_CHANNEL, method, input) as Promise<ApiResult<unknown>>,
  subscribe(event, listener) {
    const set = listeners.get(event) ?? new Set();
    set.add(listener);
    listeners.set(event, set);
    const waiting = early.get(event);
    if (waiting) {
      early.delete(event);
      // After the subscriber is registered and outside its call stack, like a live event.
      queueMicrotask(() => waiting.forEach((payload) => deliver(event, payload)));
    }
    return () => {
      set.delete(listener);
    };
  },
});

/** A `File` that is not on disk (made in script) has no path: main reports it by name. */
function pathOf(file: unknown): string {
  try {
    return webUtils.getPathForFile(file as File);
  } catch {
    return '';
  }
}

function importDropped(files: unknown): Promise<unknown> {
  const list = Array.isArray(files) ? files.slice(0, MAX_DROPPED_FILES + 1) : [];
  const entries = list.map((file: unknown) => {
    const name = (file as { name?: unknown } | null)?.name;
    return { path: pathOf(file), name: typeof name === 'string' ? name.slice(0, 4096) : '' };
  });
  return ipcRenderer.invoke(IPC_IMPORT_PATHS_CHANNEL, { files: entries });
}

const media = (bridge as unknown as { media: Record<string, unknown> }).media;
contextBridge.exposeInMainWorld('vitrine', { ...bridge, media: { ...media, importDropped } });
