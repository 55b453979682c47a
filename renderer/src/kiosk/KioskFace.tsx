import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput, Settings } from '../../../main/core/contract';
import { onEvent } from '../api';
import { useBusyReport } from '../ui/useBusyReport';
import { AccessibilityToggles, type Accessibility } from './AccessibilityToggles';
import { IdleGuard } from './IdleWarning';
import { KioskHome } from './KioskHome';
import { FindService } from './requests/FindService';
import { FollowRequest } from './requests/FollowRequest';
import { ReceiptScreen, type Created } from './requests/ReceiptScreen';
import { RequestForm } from './requests/RequestForm';
import { ServiceDetail } from './requests/ServiceDetail';
import { SurveyForm } from './survey/SurveyForm';
import { SurveyStart } from './survey/SurveyStart';
import { SurveyThanks } from './survey/SurveyThanks';

export type Started = ChannelOutput<'survey.start'>;

/** Where the citizen is. Everything a screen holds lives under it and goes with it. */
export type KioskScreen =
  | { name: 'home' }
  | { name: 'find'; agencyCode?: string }
  | { name: 'service'; code: string }
  | { name: 'request'; code: string; type: 'G2C' | 'G2B'; title: { fa: string; en: string } }
  | { name: 'receipt'; created: Created; mobileLastFour: string }
  | { name: 'follow' }
  | { name: 'survey-start'; trackingCode?: string }
  | { name: 'survey'; started: Started; trackingCode?: string }
  | { name: 'survey-thanks' };

export type Navigate = (screen: KioskScreen) => void;

/**
 * The citizen's face. An idle screen is wiped: the screens are remounted from nothing (a new
 * session key), so no field, answer or code of the last citizen stays in the page.
 * As a counter's customer display (`display`) it rests on a screen that offers nothing, and
 * shows only the survey the clerk hands over.
 */
export function KioskFace({ settings, display = false }: { settings: Settings; display?: boolean }) {
  const { i18n } = useTranslation();
  const [session, setSession] = useState(0);
  const [screen, setScreen] = useState<KioskScreen>({ name: 'home' });
  const [access, setAccess] = useState<Accessibility>({ largeText: false, highContrast: false });
  // Away from home a citizen is in the middle of something: no update is installed under them.
  useBusyReport(screen.name !== 'home');

  const wipe = useCallback(() => {
    setScreen({ name: 'home' });
    setSession((n) => n + 1);
    setAccess({ largeText: false, highContrast: false });
    void i18n.changeLanguage(settings['ui.defaultLanguage']);
  }, [i18n, settings]);

  useEffect(
    () =>
      onEvent((event) => {
        if (event.type === 'survey.offered') setScreen({ name: 'survey-start', trackingCode: event.trackingCode });
      }),
    [],
  );

  return (
    <div className="kiosk" key={session} data-screen={screen.name}>
      {renderScreen(
        screen,
        setScreen,
        settings,
        wipe,
        <AccessibilityToggles value={access} onChange={setAccess} />,
        display,
      )}
      <IdleGuard idleSeconds={settings['kiosk.idleSeconds']} enabled={screen.name !== 'home'} onExpire={wipe} />
    </div>
  );
}

function renderScreen(
  screen: KioskScreen,
  navigate: Navigate,
  settings: Settings,
  done: () => void,
  readability: ReactNode,
  display: boolean,
) {
  switch (screen.name) {
    case 'home':
      return <KioskHome settings={settings} navigate={navigate} readability={readability} display={display} />;
    case 'find':
      return <FindService key={screen.agencyCode ?? ''} navigate={navigate} agencyCode={screen.agencyCode} />;
    case 'service':
      return <ServiceDetail navigate={navigate} code={screen.code} />;
    case 'request':
      return <RequestForm navigate={navigate} code={screen.code} type={screen.type} title={screen.title} />;
    case 'receipt':
      return <ReceiptScreen created={screen.created} mobileLastFour={screen.mobileLastFour} done={done} />;
    case 'follow':
      return <FollowRequest navigate={navigate} />;
    case 'survey-start':
      return (
        <SurveyStart navigate={navigate} anonymous={settings['survey.anonymous']} offeredCode={screen.trackingCode} />
      );
    case 'survey':
      return <SurveyForm started={screen.started} trackingCode={screen.trackingCode} navigate={navigate} />;
    case 'survey-thanks':
      return <SurveyThanks done={done} />;
  }
}
