import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { directionOf, LANGUAGES, type Language } from '../../../main/core/contract';
import { messages } from './messages';

export const resources = { fa: { translation: messages('fa') }, en: { translation: messages('en') } } as const;

function applyDirection(language: string): void {
  const lang = (LANGUAGES as readonly string[]).includes(language) ? (language as Language) : 'fa';
  document.documentElement.lang = lang;
  document.documentElement.dir = directionOf(lang);
}

/** Persian first: the page starts right to left, and its direction follows every change of language. */
export function initI18n(): void {
  i18next.on('languageChanged', applyDirection);
  void i18next.use(initReactI18next).init({
    resources,
    lng: 'fa',
    fallbackLng: 'fa',
    supportedLngs: LANGUAGES,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  applyDirection(i18next.language);
}
