import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { windowRoleSchema, type WindowRole } from '../../main/core/contract';
import { AdminFace } from './admin/AdminFace';
import { CounterHome } from './counter/CounterHome';
import { KioskFace } from './kiosk/KioskFace';
import { ErrorNotice } from './ui/ErrorNotice';
import { ExitGesture } from './kiosk/ExitGesture';
import { useReady } from './ui/useReady';
import { useSettings } from './ui/useSettings';

/**
 * Which face this window shows. The main process opens the window at `?face=<role>`;
 * the rights behind it are bound to the window in the main process, not read from here.
 */
function faceOfWindow(): WindowRole {
  const parsed = windowRoleSchema.safeParse(new URLSearchParams(window.location.search).get('face'));
  return parsed.success ? parsed.data : 'kiosk';
}

/** A window keeps its face for its whole life. */
const face = faceOfWindow();

export function App() {
  const { i18n } = useTranslation();
  const { settings, error } = useSettings();
  const languageApplied = useRef(false);

  useEffect(() => {
    if (!settings || languageApplied.current) return;
    languageApplied.current = true;
    void i18n.changeLanguage(settings['ui.defaultLanguage']);
  }, [settings, i18n]);
  useEffect(() => {
    document.body.dataset.face = face;
  }, []);
  useReady(settings !== null);

  if (error) return <ErrorNotice code={error} />;
  if (!settings) return <div className="loading" aria-busy="true" />;
  switch (face) {
    case 'kiosk':
      return (
        <>
          <KioskFace settings={settings} />
          <ExitGesture />
        </>
      );
    case 'counter':
      return <CounterHome settings={settings} />;
    case 'admin':
      return <AdminFace settings={settings} />;
  }
}
