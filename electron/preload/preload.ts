import { contextBridge, ipcRenderer } from 'electron';
import { buildBridge } from '../../shared/api/client';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../../shared/api/transport';
import type { ApiResult } from '../../shared/api/envelope';

/*
 * The whole preload: `window.vitrine` with one function per contract method and `on(event, cb)`.
 * Security decision: the page never sees ipcRenderer or an IpcRendererEvent — listeners get the
 * payload only, calls go through one channel whose method names come from the contract, and
 * main checks the sender and validates every input anyway.
 */
const listeners = new Map<string, Set<(payload: unknown) => void>>();

ipcRenderer.on(IPC_EVENT_CHANNEL, (_event, name: unknown, payload: unknown) => {
  if (typeof name !== 'string') return;
  for (const listener of [...(listeners.get(name) ?? [])]) {
    try {
      listener(payload);
    } catch (error) {
      console.error(error);
    }
  }
});

const bridge = buildBridge({
  call: (method, input) =>
    ipcRenderer.invoke(IPC_INVOKE_CHANNEL, method, input) as Promise<ApiResult<unknown>>,
  subscribe(event, listener) {
    const set = listeners.get(event) ?? new Set();
    set.add(listener);
    listeners.set(event, set);
    return () => {
      set.delete(listener);
    };
  },
});

contextBridge.exposeInMainWorld('vitrine', bridge);
