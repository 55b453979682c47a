import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { trackingCodeSchema, type Settings } from '../../../main/core/contract';
import { onEvent } from '../api';
import { useSession } from '../auth/session';
import { DateTime } from '../ui/DateTime';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { useBusyReport } from '../ui/useBusyReport';
import { useLanguage } from '../ui/useLanguage';
import { PrinterState } from './PrinterState';
import { QueuePanel } from './QueuePanel';
import { RequestPanel } from './RequestPanel';
import { typingIn, useShortcut } from './shortcuts';
import { WalkInForm } from './WalkInForm';
import './Counter.css';

type Pane = { name: 'none' } | { name: 'request'; trackingCode: string; justTaken?: boolean } | { name: 'new' };

/** The keys the footer shows, in the order a clerk learns them. */
const KEYS = ['F2', 'F3', 'F4', 'arrows', 'Enter', 'Esc', 'F6', 'Alt'] as const;

/**
 * The clerk's screen, worked all day with a keyboard and a receipt scanner: the queue on one
 * side, the request in hand (or a walk-in's new request) on the other, the keys at the bottom.
 */
export function CounterFace({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const session = useSession();
  const [pane, setPane] = useState<Pane>({ name: 'none' });
  const search = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLOListElement>(null);
  useBusyReport(pane.name === 'new');

  const open = useCallback((trackingCode: string) => setPane({ name: 'request', trackingCode }), []);
  const backToQueue = useCallback(() => {
    setPane({ name: 'none' });
    requestAnimationFrame(() => list.current?.querySelector<HTMLElement>('[aria-current="true"], button')?.focus());
  }, []);

  // A receipt held under the scanner opens its request, whatever the clerk was looking at (not a half-typed form).
  useEffect(
    () =>
      onEvent((event) => {
        if (event.type !== 'scanner.code') return;
        const code = trackingCodeSchema.safeParse(event.code);
        if (code.success) setPane((now) => (now.name === 'new' ? now : { name: 'request', trackingCode: code.data }));
      }),
    [],
  );

  useShortcut(
    (e) => e.key === 'F2',
    () => setPane({ name: 'new' }),
  );
  useShortcut(
    (e) => e.key === 'F3' || (e.key === '/' && !typingIn(e.target)),
    () => search.current?.focus(),
  );
  useShortcut(
    (e) => e.key === 'F4',
    () => list.current?.querySelector<HTMLElement>('button')?.focus(),
  );
  useShortcut((e) => e.key === 'Escape' && pane.name !== 'none', backToQueue);

  return (
    <div className="desk counter">
      <header className="desk__bar">
        <h1 className="desk__title">
          {t('counter.title')} · {settings[language === 'fa' ? 'office.name.fa' : 'office.name.en']}
        </h1>
        <span className="counter__user" data-testid="signed-in-user">
          {session.user.displayName} <small>({t(`auth.roles.${session.user.role}`)})</small>
        </span>
        <PrinterState />
        <DateTime className="desk__clock" />
        <LanguageSwitch />
        <button type="button" className="touch-button" onClick={session.signOut}>
          {t('auth.signOut')}
        </button>
      </header>
      <main className="counter__main">
        <QueuePanel
          searchRef={search}
          listRef={list}
          selected={pane.name === 'request' ? pane.trackingCode : null}
          onOpen={open}
          onNew={() => setPane({ name: 'new' })}
        />
        <section className="counter__pane" aria-live="polite">
          {pane.name === 'request' && (
            <RequestPanel
              key={pane.trackingCode}
              trackingCode={pane.trackingCode}
              justTaken={pane.justTaken}
              onClose={backToQueue}
            />
          )}
          {pane.name === 'new' && (
            <WalkInForm
              onCancel={backToQueue}
              onTaken={(trackingCode) => setPane({ name: 'request', trackingCode, justTaken: true })}
            />
          )}
          {pane.name === 'none' && <p className="counter__hint">{t('counter.pickHint')}</p>}
        </section>
      </main>
      <footer className="counter__keys" aria-label={t('counter.keys.label')}>
        {KEYS.map((key) => (
          <span key={key}>
            <kbd>{t(`counter.keys.${key}.key`)}</kbd> {t(`counter.keys.${key}.what`)}
          </span>
        ))}
      </footer>
    </div>
  );
}
