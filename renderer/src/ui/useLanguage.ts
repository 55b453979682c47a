import { useTranslation } from 'react-i18next';
import type { Language } from '../../../main/core/contract';

/** The language on screen; the component re-renders when it changes. */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'fa';
}
