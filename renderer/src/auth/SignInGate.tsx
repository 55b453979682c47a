import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError, SessionInfo, Settings, WindowRole } from '../../../main/core/contract';
import { invoke } from '../api';
import { DateTime } from '../ui/DateTime';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { useLanguage } from '../ui/useLanguage';
import { FieldError } from './FieldError';
import { SessionContext, type Session } from './session';
import './SignIn.css';

/** A key press or a click is reported at most this often: enough to keep an idle clock of minutes. */
const ACTIVITY_EVERY_MS = 20_000;

/**
 * The counter's and the admin face's door: nothing behind it is drawn until a user has signed
 * in on this window (the core checks every call anyway). On a new database it asks for the
 * first administrator. After the idle time the settings give, it closes again.
 */
export function SignInGate({
  face,
  settings,
  children,
}: {
  face: Exclude<WindowRole, 'kiosk'>;
  settings: Settings;
  children: ReactNode;
}) {
  const [info, setInfo] = useState<SessionInfo | null>(null);
  const refresh = useCallback(() => {
    void invoke('auth.session', {}).then((result) => {
      if (result.ok) setInfo(result.value);
    });
  }, []);
  useEffect(refresh, [refresh]);

  const user = info?.user ?? null;
  useEffect(() => {
    if (user) document.documentElement.dataset.user = user.username;
    else delete document.documentElement.dataset.user;
  }, [user]);

  // The idle clock: the core ends the session by its own clock; the screen closes by the same measure.
  const lastInput = useRef(0);
  const lastReport = useRef(0);
  useEffect(() => {
    if (!user) return;
    lastInput.current = Date.now();
    const onInput = () => {
      lastInput.current = Date.now();
      if (lastInput.current - lastReport.current < ACTIVITY_EVERY_MS) return;
      lastReport.current = lastInput.current;
      void invoke('auth.activity', {});
    };
    const idleMs = settings['session.idleMinutes'] * 60_000;
    const timer = setInterval(() => {
      if (Date.now() - lastInput.current > idleMs) refresh();
    }, 5_000);
    window.addEventListener('keydown', onInput, true);
    window.addEventListener('pointerdown', onInput, true);
    return () => {
      clearInterval(timer);
      window.removeEventListener('keydown', onInput, true);
      window.removeEventListener('pointerdown', onInput, true);
    };
  }, [user, settings, refresh]);

  const session = useMemo<Session | null>(
    () =>
      user && {
        user,
        signOut: () => {
          void invoke('auth.signOut', {}).then((result) => result.ok && setInfo(result.value));
        },
        lost: refresh,
      },
    [user, refresh],
  );

  if (!info) return <div className="loading" aria-busy="true" />;
  if (session) return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
  return (
    <div className="sign-in">
      <header className="desk__bar">
        <h1 className="desk__title">
          <OfficeTitle settings={settings} face={face} />
        </h1>
        <DateTime className="desk__clock" />
        <LanguageSwitch />
      </header>
      <main className="sign-in__main">
        {info.firstRun ? <FirstAdminForm onDone={setInfo} /> : <SignInForm face={face} onDone={setInfo} />}
      </main>
    </div>
  );
}

function OfficeTitle({ settings, face }: { settings: Settings; face: 'counter' | 'admin' }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <>
      {t(`auth.face.${face}`)} · {settings[language === 'fa' ? 'office.name.fa' : 'office.name.en']}
    </>
  );
}

function SignInForm({ face, onDone }: { face: 'counter' | 'admin'; onDone: (info: SessionInfo) => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const password = useRef<HTMLInputElement>(null);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setBusy(true);
    void invoke('auth.signIn', { username: String(data.get('username')), password: String(data.get('password')) }).then(
      (result) => {
        setBusy(false);
        if (result.ok) return onDone(result.value);
        setError(result.error);
        if (password.current) {
          password.current.value = '';
          password.current.focus();
        }
      },
    );
  };

  return (
    <form className="sign-in__card" data-testid="sign-in" onSubmit={submit} aria-labelledby="sign-in-title">
      <h2 id="sign-in-title">{t('auth.signIn.title')}</h2>
      <p className="sign-in__lead">{t(`auth.signIn.lead.${face}`)}</p>
      <div className="field">
        <label htmlFor="username">{t('auth.username')}</label>
        <input id="username" name="username" autoComplete="username" dir="ltr" autoFocus required spellCheck={false} />
      </div>
      <div className="field">
        <label htmlFor="password">{t('auth.password')}</label>
        <input id="password" name="password" type="password" autoComplete="current-password" ref={password} required />
      </div>
      {error && <FieldError error={error} />}
      <button type="submit" className="touch-button touch-button--primary" disabled={busy}>
        {t('auth.signIn.submit')}
      </button>
    </form>
  );
}

function FirstAdminForm({ onDone }: { onDone: (info: SessionInfo) => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<AppError | null>(null);
  const [mismatch, setMismatch] = useState(false);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const password = String(data.get('password'));
    setMismatch(password !== String(data.get('repeat')));
    if (password !== String(data.get('repeat'))) return;
    void invoke('auth.firstAdmin', {
      username: String(data.get('username')),
      displayName: String(data.get('displayName')),
      password,
    }).then((result) => (result.ok ? onDone(result.value) : setError(result.error)));
  };

  return (
    <form className="sign-in__card" data-testid="first-admin" onSubmit={submit} aria-labelledby="first-admin-title">
      <h2 id="first-admin-title">{t('auth.firstAdmin.title')}</h2>
      <p className="sign-in__lead">{t('auth.firstAdmin.lead')}</p>
      <div className="field">
        <label htmlFor="displayName">{t('auth.displayName')}</label>
        <input id="displayName" name="displayName" autoFocus required />
      </div>
      <div className="field">
        <label htmlFor="username">{t('auth.username')}</label>
        <input id="username" name="username" autoComplete="username" dir="ltr" required spellCheck={false} />
        <small>{t('auth.usernameHelp')}</small>
      </div>
      <div className="field">
        <label htmlFor="password">{t('auth.password')}</label>
        <input id="password" name="password" type="password" autoComplete="new-password" required />
        <small>{t('auth.passwordHelp')}</small>
      </div>
      <div className="field">
        <label htmlFor="repeat">{t('auth.passwordRepeat')}</label>
        <input id="repeat" name="repeat" type="password" autoComplete="new-password" required />
      </div>
      {mismatch && (
        <p className="error-notice" role="alert">
          {t('auth.passwordMismatch')}
        </p>
      )}
      {error && <FieldError error={error} />}
      <button type="submit" className="touch-button touch-button--primary">
        {t('auth.firstAdmin.submit')}
      </button>
    </form>
  );
}
