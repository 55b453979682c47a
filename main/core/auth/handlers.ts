import type { Handler } from '../router';
import type { AuthService } from './service';

type AuthChannel =
  | 'auth.session'
  | 'auth.signIn'
  | 'auth.signOut'
  | 'auth.activity'
  | 'auth.firstAdmin'
  | 'users.list'
  | 'users.create'
  | 'users.update'
  | 'users.resetPassword';

/** Sign-in on the caller's own window, and the administrator's users page. */
export function authHandlers(auth: AuthService): { [C in AuthChannel]: Handler<C> } {
  return {
    'auth.session': (_input, caller) => auth.info(caller),
    'auth.signIn': ({ username, password }, caller) => auth.signIn(caller, username, password),
    'auth.signOut': (_input, caller) => auth.signOut(caller),
    'auth.activity': (_input, caller) => auth.touch(caller),
    'auth.firstAdmin': (input, caller) => auth.firstAdmin(caller, input),
    'users.list': () => auth.list(),
    'users.create': (input, caller) => auth.create(input, caller.actor),
    'users.update': (input, caller) => auth.update(input, caller.actor),
    'users.resetPassword': ({ username, password }, caller) => auth.resetPassword(username, password, caller.actor),
  };
}
