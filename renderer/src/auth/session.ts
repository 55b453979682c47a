import { createContext, useCallback, useContext } from 'react';
import type { ChannelInput, ChannelName, ChannelOutput, Result, SessionUser } from '../../../main/core/contract';
import { invoke } from '../api';

export interface Session {
  user: SessionUser;
  signOut(): void;
  /** A call was answered `auth.required`: the session ended in the core (idle, disabled); show the sign-in. */
  lost(): void;
}

export const SessionContext = createContext<Session | null>(null);

/** The signed-in user of this window; only inside the sign-in gate. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside the sign-in gate');
  return session;
}

/** `invoke`, but an answer of `auth.required` takes the window back to its sign-in screen. */
export function useCall(): <C extends ChannelName>(
  channel: C,
  input: ChannelInput<C>,
) => Promise<Result<ChannelOutput<C>>> {
  const session = useContext(SessionContext);
  return useCallback(
    async (channel, input) => {
      const result = await invoke(channel, input);
      if (!result.ok && result.error.code === 'auth.required') session?.lost();
      return result;
    },
    [session],
  );
}
