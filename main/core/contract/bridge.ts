import type { Result } from './errors';
import type { AppEvent } from './events';

/**
 * What a face sees of the core: `window.mizban`, put there by Electron's preload or by
 * the Chromium shell. Two functions and nothing else.
 */
export interface MizbanBridge {
  invoke(channel: string, input: unknown): Promise<Result<unknown>>;
  on(listener: (event: AppEvent) => void): () => void;
}
