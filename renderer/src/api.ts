import {
  fail,
  type AppEvent,
  type ChannelInput,
  type ChannelName,
  type ChannelOutput,
  type Result,
} from '../../main/core/contract';

/**
 * The faces' only way to the core: `window.mizban`, given by Electron's preload or the
 * Chromium shell. Typed by the contract; every answer is a Result, never a throw.
 */
export async function invoke<C extends ChannelName>(
  channel: C,
  input: ChannelInput<C>,
): Promise<Result<ChannelOutput<C>>> {
  if (!('mizban' in window)) return fail('transport.unavailable');
  try {
    return (await window.mizban.invoke(channel, input)) as Result<ChannelOutput<C>>;
  } catch {
    return fail('transport.unavailable');
  }
}

export type ChannelResult<C extends ChannelName> = Result<ChannelOutput<C>>;

export function onEvent(listener: (event: AppEvent) => void): () => void {
  return 'mizban' in window ? window.mizban.on(listener) : () => undefined;
}
