import type { ApiEventName, ApiEventPayload, Unsubscribe } from '../../../shared/api';

export interface ApiEmitter {
  on<E extends ApiEventName>(
    event: E,
    listener: (payload: ApiEventPayload<E>) => void,
  ): Unsubscribe;
  emit<E extends ApiEventName>(event: E, payload: ApiEventPayload<E>): void;
}

/** Fan-out to the transports; a throwing listener (a closed window, a dead socket) harms no other. */
export function createEmitter(onListenerError?: (error: unknown) => void): ApiEmitter {
  const listeners = new Map<ApiEventName, Set<(payload: unknown) => void>>();
  return {
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: unknown) => void);
      listeners.set(event, set);
      return () => {
        set.delete(listener as (payload: unknown) => void);
      };
    },
    emit(event, payload) {
      for (const listener of [...(listeners.get(event) ?? [])]) {
        try {
          listener(payload);
        } catch (error) {
          onListenerError?.(error);
        }
      }
    },
  };
}
