import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../../main/core/contract';
import { TouchButton } from './TouchButton';

/** Each language named in itself, so that a reader of either finds their own. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <div className="language-switch" role="group" aria-label={t('language.label')}>
      {LANGUAGES.map((language) => (
        <TouchButton
          key={language}
          lang={language}
          aria-pressed={i18n.language === language}
          onClick={() => void i18n.changeLanguage(language)}
        >
          {t(`language.${language}`)}
        </TouchButton>
      ))}
    </div>
  );
}
