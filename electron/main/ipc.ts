import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import {
  IPC_EVENT_CHANNEL,
  IPC_IMPORT_PATHS_CHANNEL,
  IPC_INVOKE_CHANNEL,
  apiEventNames,
} from '../../shared/api';
import { AppError } from '../../shared/errors';
import type { ApiService } from '../core/api';
import { isTrustedSender } from './security';

/**
 * Two invoke channels: one for the whole contract, and the preload's own channel for dropped
 * files (paths the preload read from `File` objects; see IPC_IMPORT_PATHS_CHANNEL). Every call:
 * sender frame checked (our protocol, top frame, one of our windows), then the input is
 * validated — by the shared `dispatch`, or for dropped files by `checkDroppedFiles` — and an
 * envelope answered. Nothing else is registered on ipcMain.
 */
export function registerIpc(
  service: ApiService,
  isOwnWindow: (event: IpcMainInvokeEvent) => boolean,
): void {
  const refused = (event: IpcMainInvokeEvent) => {
    const frame = event.senderFrame;
    const trusted = isTrustedSender(
      frame
        ? { url: frame.url, isTopFrame: frame.parent === null, isOwnWindow: isOwnWindow(event) }
        : null,
    );
    if (trusted) return null;
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

/** Forwards every contract event to the window; a closed window is skipped silently. */
export function forwardEvents(service: ApiService, window: () => BrowserWindow | null): () => void {
  const offs = apiEventNames.map((name) =>
    service.on(name, (payload) => {
      const win = window();
      if (win && !win.isDestroyed()) win.webContents.send(IPC_EVENT_CHANNEL, name, payload);
    }),
  );
  return () => offs.forEach((off) => off());
}
