import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { windowRoleSchema, type WindowRole } from '../../main/core/contract';
import { AdminFace } from './admin/AdminFace';
import { SignInGate } from './auth/SignInGate';
import { CounterFace } from './counter/CounterFace';
import { KioskFace } from './kiosk/KioskFace';
import { ReportPrintPage, ReportsPage } from './reports/ReportsPage';
import { ErrorNotice } from './ui/ErrorNotice';
import { ExitGesture } from './kiosk/ExitGesture';
import { useReady } from './ui/useReady';
import { useSettings } from './ui/useSettings';

/**
 * Faces no window role names: the report page alone (in an admin window, for its tests and
 * screenshots), its print layout, which the shells print as a PDF, and the customer display
 * (a kiosk-role window on a counter's second screen).
 */
const EXTRA_FACES = ['reports', 'report-print', 'display'] as const;
type Face = WindowRole | (typeof EXTRA_FACES)[number];

/**
 * Which face this window shows. The main process opens the window at `?face=<role>`;
 * the rights behind it are bound to the window in the main process, not read from here.
 */
function faceOfWindow(): Face {
  const name = new URLSearchParams(window.location.search).get('face');
  const extraFace = EXTRA_FACES.find((face) => face === name);
  if (extraFace) return extraFace;
  const parsed = windowRoleSchema.safeParse(name);
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

  // A print page asks only for its report: it never has the settings.
  if (face === 'report-print') return <ReportPrintPage />;
  if (error) return <ErrorNotice code={error} />;
  if (!settings) return <div className="loading" aria-busy="true" />;
  switch (face) {
    case 'reports':
      return <ReportsPage settings={settings} />;
    case 'kiosk':
    case 'display':
      return (
        <>
          <KioskFace settings={settings} display={face === 'display'} />
          <ExitGesture />
        </>
      );
    case 'counter':
      return (
        <SignInGate face="counter" settings={settings}>
          <CounterFace settings={settings} />
        </SignInGate>
      );
    case 'admin':
      return (
        <SignInGate face="admin" settings={settings}>
          <AdminFace settings={settings} />
        </SignInGate>
      );
  }
}
