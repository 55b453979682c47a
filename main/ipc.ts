import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { EVENTS_CHANNEL, INVOKE_CHANNEL, fail, type WindowRole } from './core/contract';
import type { Router } from './core/router';
import { callerForWindow } from './shell/caller';
import { isAllowedIpcSender } from './shell/policy';
import { roleOfWebContents } from './windows';

/** The role a call is made with: the one its window was created with, and only from the app's own top frame. */
function senderRole(event: IpcMainInvokeEvent): WindowRole | undefined {
  const frame = event.senderFrame;
  if (!frame || !isAllowedIpcSender(frame.url, frame.parent === null)) return undefined;
  return roleOfWebContents(event.sender.id);
}

/** A window's key for the core's sessions: its webContents, which lives as long as the page it shows. */
function windowKeyOf(webContentsId: number): string {
  return `webcontents:${webContentsId}`;
}

/** Binds the router to the one invoke channel; call once. Every answer is a Result, never a throw. */
export function bindIpc(router: Router): void {
  ipcMain.handle(INVOKE_CHANNEL, (event, channel: unknown, input: unknown) => {
    const role = senderRole(event);
    if (!role) return fail('role.forbidden');
    return router.call(callerForWindow(role, windowKeyOf(event.sender.id)), String(channel), input);
  });
}

/** Pushes the events the window's role may see to it, until the window is gone. */
export function forwardEvents(router: Router, win: BrowserWindow, role: WindowRole): void {
  const contents = win.webContents;
  const caller = callerForWindow(role, windowKeyOf(contents.id));
  const unsubscribe = router.subscribe(caller, (event) => {
    if (!contents.isDestroyed()) contents.send(EVENTS_CHANNEL, event);
  });
  contents.once('destroyed', () => {
    unsubscribe();
    router.release?.(caller);
  });
}
