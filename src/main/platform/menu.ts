import type { Menu as MenuClass, MenuItemConstructorOptions } from 'electron'

/**
 * The packaged app's menu: no Reload, no DevTools (a teller's Ctrl+R would drop what is on
 * screen; DevTools is a way into the page). The edit roles stay, so copy and paste keep
 * working (on macOS they only work through the menu).
 */
export function appMenuTemplate(platform: NodeJS.Platform): MenuItemConstructorOptions[] {
  const edit: MenuItemConstructorOptions = {
    role: 'editMenu',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' }
    ]
  }
  const window: MenuItemConstructorOptions = {
    role: 'windowMenu',
    submenu: [{ role: 'minimize' }, { role: 'close' }]
  }
  if (platform !== 'darwin') return [edit, window]
  const appMenu: MenuItemConstructorOptions = {
    role: 'appMenu',
    submenu: [{ role: 'about' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'quit' }]
  }
  return [appMenu, edit, window]
}

/** Packaged: the minimal menu above. Development keeps Electron's default (Reload, DevTools). */
export function applyAppMenu(
  Menu: Pick<typeof MenuClass, 'buildFromTemplate' | 'setApplicationMenu'>,
  isPackaged: boolean,
  platform: NodeJS.Platform = process.platform
): void {
  if (!isPackaged) return
  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate(platform)))
}
