import type { ApiEventPayload, MenuCommand } from '../../../shared/api';
import type { AppState } from './types';

/**
 * What the page does for each command main sends (native menus, a second launch). The switch
 * must cover every `MenuCommand`: a command added to the contract without a handler here fails
 * the type check (`never`), so no menu entry can be a dead end.
 */
export function handleMenuCommand(state: AppState, payload: ApiEventPayload<'menu'>): void {
  const command: MenuCommand = payload.command;
  switch (command) {
    case 'undo':
      void state.undoShortcut();
      return;
    case 'redo':
      void state.redoShortcut();
      return;
    case 'export':
      // File ▸ Export …: the export panel (the entry is only enabled while a library is open).
      if (state.library) state.sectionSelected('export');
      return;
    case 'about':
      state.appDialogOpened('about');
      return;
    case 'newLibrary':
      state.appDialogOpened('newLibrary');
      return;
    case 'openLibrary':
      void state.openDialogRequested();
      return;
    case 'openSample':
      void state.sampleRequested();
      return;
    case 'openRecent':
      if (payload.id) void state.recentRequested(payload.id);
      return;
    case 'sessionChanged':
      void state.sessionChanged();
      return;
    case 'restoreBackup':
      // File ▸ Restore from backup …: for the open library.
      if (state.library) void state.restoreDialogOpened(state.library.id);
      return;
    case 'importPackage':
      // File ▸ Import package …: into the open library.
      if (state.library) state.packageDialogOpened('import');
      return;
    case 'exportPackage':
      if (state.library) state.packageDialogOpened('export');
      return;
    default: {
      const unhandled: never = command;
      console.error('menu command without a handler', unhandled);
    }
  }
}
