import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../main/core/contract';
import { invoke } from '../../api';
import type { KeyboardLayoutName } from '../../ui/keyboard-layouts';
import { OnScreenKeyboard } from '../../ui/OnScreenKeyboard';
import { TouchButton } from '../../ui/TouchButton';
import { useLanguage } from '../../ui/useLanguage';
import { KioskBar } from '../KioskBar';
import type { Navigate } from '../KioskFace';

type Agencies = ChannelOutput<'catalogue.agencies'>;
type Services = ChannelOutput<'catalogue.services'>;

/**
 * Finding a service: the agencies as tiles, then their services; or a search as you type,
 * which the core matches whatever the spelling (ي/ی, ك/ک, with or without a half-space).
 */
export function FindService({ navigate, agencyCode }: { navigate: Navigate; agencyCode?: string | undefined }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [agencies, setAgencies] = useState<Agencies>([]);
  const [services, setServices] = useState<Services | null>(null);
  const [query, setQuery] = useState('');
  const [searching, setSearching] = useState(false);
  const [layout, setLayout] = useState<KeyboardLayoutName>(language);

  useEffect(() => {
    void invoke('catalogue.agencies', {}).then((result) => result.ok && setAgencies(result.value));
  }, []);

  useEffect(() => {
    if (!agencyCode && !query.trim()) return;
    let live = true;
    const filter = query.trim() ? { query } : { agencyCode };
    void invoke('catalogue.services', filter).then((result) => live && result.ok && setServices(result.value));
    return () => {
      live = false;
    };
  }, [agencyCode, query]);

  const agency = agencies.find((a) => a.code === agencyCode);
  const showServices = Boolean(agencyCode || query.trim());
  const onKey = (key: string) => setQuery((q) => (key === '\b' ? q.slice(0, -1) : (q + key).slice(0, 60)));

  return (
    <main className="kiosk-screen find-service">
      <KioskBar onHome={() => navigate({ name: 'home' })} />
      <h1>{agency ? agency.title[language] : t('requests.find.title')}</h1>
      <div className="find-service__search">
        <TouchButton
          className={`kiosk-search${searching ? ' kiosk-search--active' : ''}`}
          aria-pressed={searching}
          onClick={() => setSearching(!searching)}
          data-testid="search"
        >
          {query || t('requests.find.search')}
        </TouchButton>
      </div>
      {searching && <OnScreenKeyboard layout={layout} onLayout={setLayout} onKey={onKey} />}
      <div className="kiosk-tiles" role="list">
        {showServices
          ? (services ?? []).map((service) => (
              <TouchButton
                role="listitem"
                key={service.code}
                className="kiosk-tile kiosk-tile--service"
                onClick={() => navigate({ name: 'service', code: service.code })}
              >
                <span className="kiosk-tile__title">{service.title[language]}</span>
              </TouchButton>
            ))
          : agencies
              .filter((a) => a.services > 0)
              .map((a) => (
                <TouchButton
                  role="listitem"
                  key={a.code}
                  className="kiosk-tile"
                  onClick={() => navigate({ name: 'find', agencyCode: a.code })}
                >
                  <span className="kiosk-tile__title">{a.title[language]}</span>
                </TouchButton>
              ))}
        {showServices && services?.length === 0 && <p className="kiosk-screen__lead">{t('requests.find.none')}</p>}
      </div>
      {agencyCode && (
        <div className="kiosk-actions">
          <TouchButton onClick={() => navigate({ name: 'find' })}>{t('requests.find.allAgencies')}</TouchButton>
        </div>
      )}
    </main>
  );
}
