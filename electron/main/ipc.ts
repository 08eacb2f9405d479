import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL, apiEventNames } from '../../shared/api';
import { AppError } from '../../shared/errors';
import type { ApiService } from '../core/api';
import { isTrustedSender } from './security';

/**
 * One invoke channel for the whole contract. Every call: sender frame checked (our protocol, top
 * frame, one of our windows), then the shared `dispatch` validates the input and answers an
 * envelope. Nothing else is registered on ipcMain.
 */
export function registerIpc(
  service: ApiService,
  isOwnWindow: (event: IpcMainInvokeEvent) => boolean,
): void {
  ipcMain.handle(IPC_INVOKE_CHANNEL, async (event, method: unknown, input: unknown) => {
    const frame = event.senderFrame;
    const trusted = isTrustedSender(
      frame
        ? { url: frame.url, isTopFrame: frame.parent === null, isOwnWindow: isOwnWindow(event) }
        : null,
    );
    if (!trusted) {
      const error = new AppError('FORBIDDEN', {
        de: 'Anfrage von einer fremden Seite abgelehnt.',
        en: 'Request from a foreign page refused.',
      });
      return { ok: false, error: error.toData(service.uiLanguage()) };
    }
    return service.dispatch(typeof method === 'string' ? method : String(method), input);
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
