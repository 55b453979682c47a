import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { AppEvent, MizbanBridge, Result } from './core/contract';
import { EVENTS_CHANNEL, INVOKE_CHANNEL } from './core/contract/transport';

/**
 * window.mizban and nothing else: the page never sees ipcRenderer, only these two
 * functions, whose channel names it cannot choose.
 */

/** What the bridge answers if the main process cannot: the boundary never throws. */
const unavailable: Result<unknown> = { ok: false, error: { code: 'transport.unavailable' } };

const bridge: MizbanBridge = {
  invoke: (channel, input) =>
    (ipcRenderer.invoke(INVOKE_CHANNEL, channel, input) as Promise<Result<unknown>>).catch(() => unavailable),
  on: (listener) => {
    const forward = (_event: IpcRendererEvent, appEvent: AppEvent) => listener(appEvent);
    ipcRenderer.on(EVENTS_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(EVENTS_CHANNEL, forward);
    };
  },
};

contextBridge.exposeInMainWorld('mizban', bridge);
