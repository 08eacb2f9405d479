import { Menu, type MenuItemConstructorOptions } from 'electron';
import {
  buildMenuTemplate,
  type MenuAction,
  type MenuEntry,
  type MenuState,
} from './menu-template';

function toElectron(
  entry: MenuEntry,
  run: (action: MenuAction) => void,
): MenuItemConstructorOptions {
  if (entry.kind === 'separator') return { type: 'separator' };
  const item: MenuItemConstructorOptions = { label: entry.label };
  if (entry.role) item.role = entry.role;
  if (entry.accelerator) item.accelerator = entry.accelerator;
  if (entry.enabled === false) item.enabled = false;
  const action = entry.action;
  if (action) item.click = () => run(action);
  if (entry.submenu) item.submenu = entry.submenu.map((e) => toElectron(e, run));
  return item;
}

/** Builds and installs the application menu from the data template. */
export function installMenu(state: MenuState, run: (action: MenuAction) => void): void {
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(buildMenuTemplate(state).map((e) => toElectron(e, run))),
  );
}
