import WebSocket from 'ws';

/**
 * A minimal Chrome DevTools Protocol client (flat sessions over the browser's WebSocket), enough
 * for the watchdog: attach to the page, navigate, evaluate with our own time-out, and hear
 * `Inspector.targetCrashed`. Kept this small on purpose: a hung renderer must never block it,
 * so every call has its own timer and nothing waits on the page's main thread unbounded.
 */
export interface CdpClient {
  send<T = unknown>(
    method: string,
    params?: Record<string, unknown>,
    sessionId?: string,
    timeoutMs?: number,
  ): Promise<T>;
  on(listener: (method: string, params: Record<string, unknown>, sessionId?: string) => void): void;
  onClose(listener: () => void): void;
  close(): void;
}

class CdpTimeout extends Error {
  constructor(method: string) {
    super(`CDP ${method} timed out`);
  }
}

export async function connectCdp(wsUrl: string): Promise<CdpClient> {
  const socket = new WebSocket(wsUrl, { perMessageDeflate: false, maxPayload: 256 * 2 ** 20 });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  let nextId = 1;
  const pending = new Map<
    number,
    { resolve: (v: unknown) => void; reject: (e: Error) => void; timer?: NodeJS.Timeout }
  >();
  const listeners: Array<(m: string, p: Record<string, unknown>, s?: string) => void> = [];
  const closeListeners: Array<() => void> = [];
  socket.on('message', (data) => {
    let msg: {
      id?: number;
      method?: string;
      params?: Record<string, unknown>;
      sessionId?: string;
      result?: unknown;
      error?: { message: string };
    };
    try {
      msg = JSON.parse(String(data));
    } catch {
      return;
    }
    if (msg.id !== undefined) {
      const p = pending.get(msg.id);
      if (!p) return;
      pending.delete(msg.id);
      clearTimeout(p.timer);
      if (msg.error) p.reject(new Error(msg.error.message));
      else p.resolve(msg.result);
    } else if (msg.method) {
      for (const l of listeners) l(msg.method, msg.params ?? {}, msg.sessionId);
    }
  });
  socket.on('close', () => {
    for (const p of pending.values()) {
      clearTimeout(p.timer);
      p.reject(new Error('CDP connection closed'));
    }
    pending.clear();
    for (const l of closeListeners) l();
  });
  socket.on('error', () => undefined);
  return {
    send(method, params = {}, sessionId, timeoutMs) {
      return new Promise((resolve, reject) => {
        if (socket.readyState !== WebSocket.OPEN) return reject(new Error('CDP connection closed'));
        const id = nextId++;
        const entry: {
          resolve: (v: unknown) => void;
          reject: (e: Error) => void;
          timer?: NodeJS.Timeout;
        } = { resolve: resolve as (v: unknown) => void, reject };
        if (timeoutMs)
          entry.timer = setTimeout(() => {
            pending.delete(id);
            reject(new CdpTimeout(method));
          }, timeoutMs);
        pending.set(id, entry);
        socket.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
      });
    },
    on(listener) {
      listeners.push(listener);
    },
    onClose(listener) {
      closeListeners.push(listener);
    },
    close() {
      socket.close();
    },
  };
}
