/**
 * Holds main's events for a page until the page has shown that it listens. `webContents.send`
 * before the preload and the page's script have run reaches nobody, so events from start-up (a
 * library opened by a second launch, early progress) would be lost. Main opens the gate on the
 * page's first accepted IPC call — by then the preload is attached and `renderer/app/main.tsx` has
 * subscribed — and closes it again when the page starts loading anew (a reload in development).
 * At most `limit` events wait; the oldest give way (a newer `libraryChanged` supersedes older ones).
 */
export interface EventGate<T> {
  send(event: T): void;
  open(): void;
  close(): void;
  readonly isOpen: boolean;
  readonly waiting: number;
}

export function createEventGate<T>(deliver: (event: T) => void, limit = 200): EventGate<T> {
  let open = false;
  let queue: T[] = [];
  return {
    send(event) {
      if (open) {
        deliver(event);
        return;
      }
      queue.push(event);
      if (queue.length > limit) queue = queue.slice(queue.length - limit);
    },
    open() {
      if (open) return;
      open = true;
      const waiting = queue;
      queue = [];
      for (const event of waiting) deliver(event);
    },
    close() {
      open = false;
    },
    get isOpen() {
      return open;
    },
    get waiting() {
      return queue.length;
    },
  };
}
