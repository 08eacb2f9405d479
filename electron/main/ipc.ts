import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import {
  IPC_EVENT_CHANNEL,
  IPC_IMPORT_PATHS_CHANNEL,
  IPC_INVOKE_CHANNEL,
  apiEventNames,
} from '../../shared/api';
import { AppError } from '../../shared/errors';
import type { ApiService } from '../core/api';
import type { EventGate } from './event-gate';
import { isTrustedSender } from './security';

/**
 * Two invoke channels: one for the whole contract, and the preload's own channel for dropped
 * files (paths the preload read from `File` objects; see IPC_IMPORT_PATHS_CHANNEL). Every call:
 * sender frame checked (our protocol, top frame, one of our windows), then the input is
 * validated — by the shared `dispatch`, or for dropped files by `checkDroppedFiles` — and an
 * envelope answered. Nothing else is registered on ipcMain.
 *
 * `isOwnContents` must be able to answer from the page's very first message: the renderer calls
 * `app.setUiLanguage` and `session.state` from its module script, which runs before `loadURL`
 * resolves (its promise resolves on `did-finish-load`, docs/api/web-contents.md). So main knows
 * its windows' `webContents` ids from the moment it creates them, not from `loadURL`'s end.
 * `onAccepted` tells main that a page has spoken (see event-gate.ts).
 */
export function registerIpc(
  service: ApiService,
  isOwnContents: (event: IpcMainInvokeEvent) => boolean,
  onAccepted: (event: IpcMainInvokeEvent) => void = () => undefined,
): void {
  const refused = (event: IpcMainInvokeEvent) => {
    const frame = event.senderFrame;
    const trusted = isTrustedSender(
      frame
        ? { url: frame.url, isTopFrame: frame.parent === null, isOwnWindow: isOwnContents(event) }
        : null,
    );
    if (trusted) {
      onAccepted(event);
      return null;
    }
    const error = new AppError('FORBIDDEN', {
      de: 'Anfrage von einer fremden Seite abgelehnt.',
      en: 'Request from a foreign page refused.',
    });
    return { ok: false as const, error: error.toData(service.uiLanguage()) };
  };
  ipcMain.handle(IPC_INVOKE_CHANNEL, async (event, method: unknown, input: unknown) => {
    return (
      refused(event) ??
      service.dispatch(typeof method === 'string' ? method : String(method), input)
    );
  });
  ipcMain.handle(IPC_IMPORT_PATHS_CHANNEL, async (event, input: unknown) => {
    return refused(event) ?? service.importDropped(input);
  });
}

export interface OutgoingEvent {
  name: string;
  payload: unknown;
}

/** Forwards every contract event through the window's gate (queued until the page listens). */
export function forwardEvents(
  service: ApiService,
  gate: () => EventGate<OutgoingEvent> | null,
): () => void {
  const offs = apiEventNames.map((name) =>
    service.on(name, (payload) => gate()?.send({ name, payload })),
  );
  return () => offs.forEach((off) => off());
}

/** Delivers one event to a window's page; a destroyed window is skipped silently. */
export function deliverTo(contents: {
  isDestroyed(): boolean;
  send(channel: string, ...args: unknown[]): void;
}): (event: OutgoingEvent) => void {
  return (event) => {
    if (!contents.isDestroyed()) contents.send(IPC_EVENT_CHANNEL, event.name, event.payload);
  };
}
