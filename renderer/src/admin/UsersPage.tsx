import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { USER_ROLES, type AppError, type User, type UserRole } from '../../../main/core/contract';
import { FieldError } from '../auth/FieldError';
import { useCall, useSession } from '../auth/session';
import { showInstant } from '../counter/format';
import { useLanguage } from '../ui/useLanguage';
import { useNow } from '../ui/useNow';
import './UsersPage.css';

/**
 * The administrator's users page: who may sign in at this terminal, as what. An account is
 * disabled rather than deleted, so that what its user did still names someone; a new password
 * set here also lifts a lock-out.
 */
export function UsersPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const call = useCall();
  const { user: me } = useSession();
  const now = useNow();
  const [users, setUsers] = useState<User[]>([]);
  const [error, setError] = useState<AppError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [resetting, setResetting] = useState<string | null>(null);

  const load = useCallback(() => {
    void call('users.list', {}).then((result) => (result.ok ? setUsers(result.value) : setError(result.error)));
  }, [call]);
  useEffect(load, [load]);

  const answer = (result: { ok: true } | { ok: false; error: AppError }, message: string) => {
    if (!result.ok) return setError(result.error);
    setError(null);
    setDone(message);
    load();
  };

  const create = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const result = await call('users.create', {
      username: String(data.get('username')),
      displayName: String(data.get('displayName')),
      role: String(data.get('role')) as UserRole,
      password: String(data.get('password')),
    });
    answer(result, t('users.created'));
    if (result.ok) form.reset();
  };

  const reset = async (event: FormEvent<HTMLFormElement>, username: string) => {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get('password'));
    const result = await call('users.resetPassword', { username, password });
    answer(result, t('users.passwordSet'));
    if (result.ok) setResetting(null);
  };

  return (
    <section className="panel users" aria-labelledby="users-title" data-testid="users-page">
      <h2 id="users-title">{t('users.title')}</h2>
      <p className="users__lead">{t('users.lead')}</p>
      {error && <FieldError error={error} />}
      {done && !error && (
        <p className="saved-notice" role="status">
          {done}
        </p>
      )}
      <table className="users__table">
        <thead>
          <tr>
            <th>{t('auth.displayName')}</th>
            <th>{t('auth.username')}</th>
            <th>{t('users.role')}</th>
            <th>{t('users.state')}</th>
            <th>{t('users.lastSignIn')}</th>
            <th>{t('users.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.username} data-user={user.username} data-active={user.active}>
              <td>{user.displayName}</td>
              <td>
                <bdi dir="ltr">{user.username}</bdi>
              </td>
              <td>
                <select
                  aria-label={t('users.roleOf', { name: user.displayName })}
                  value={user.role}
                  onChange={(e) =>
                    void call('users.update', { username: user.username, role: e.target.value as UserRole }).then((r) =>
                      answer(r, t('users.saved')),
                    )
                  }
                >
                  {USER_ROLES.map((role) => (
                    <option key={role} value={role}>
                      {t(`auth.roles.${role}`)}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                {!user.active
                  ? t('users.disabled')
                  : user.lockedUntil && Date.parse(user.lockedUntil) > now.getTime()
                    ? t('users.locked', { until: showInstant(user.lockedUntil, language) })
                    : t('users.active')}
              </td>
              <td>{user.lastSignInAt ? showInstant(user.lastSignInAt, language) : '—'}</td>
              <td className="users__row-actions">
                <button
                  type="button"
                  className="touch-button"
                  disabled={user.username === me.username}
                  onClick={() =>
                    void call('users.update', { username: user.username, active: !user.active }).then((r) =>
                      answer(r, t('users.saved')),
                    )
                  }
                >
                  {user.active ? t('users.disable') : t('users.enable')}
                </button>
                {resetting === user.username ? (
                  <form className="users__reset" onSubmit={(e) => void reset(e, user.username)}>
                    <input
                      name="password"
                      type="password"
                      autoComplete="new-password"
                      aria-label={t('users.newPassword')}
                      placeholder={t('users.newPassword')}
                      autoFocus
                    />
                    <button type="submit" className="touch-button touch-button--primary">
                      {t('users.setPassword')}
                    </button>
                  </form>
                ) : (
                  <button type="button" className="touch-button" onClick={() => setResetting(user.username)}>
                    {t('users.resetPassword')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <form className="users__new" onSubmit={(e) => void create(e)} aria-labelledby="users-new-title">
        <h3 id="users-new-title">{t('users.new')}</h3>
        <div className="field">
          <label htmlFor="new-displayName">{t('auth.displayName')}</label>
          <input id="new-displayName" name="displayName" required />
        </div>
        <div className="field">
          <label htmlFor="new-username">{t('auth.username')}</label>
          <input id="new-username" name="username" dir="ltr" required spellCheck={false} />
        </div>
        <div className="field">
          <label htmlFor="new-role">{t('users.role')}</label>
          <select id="new-role" name="role" defaultValue="clerk">
            {USER_ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`auth.roles.${role}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="new-password">{t('auth.password')}</label>
          <input id="new-password" name="password" type="password" autoComplete="new-password" required />
          <small>{t('auth.passwordHelp')}</small>
        </div>
        <button type="submit" className="touch-button touch-button--primary">
          {t('users.create')}
        </button>
      </form>
    </section>
  );
}
