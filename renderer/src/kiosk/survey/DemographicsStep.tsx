import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EDUCATION_LEVELS, GENDERS, JOBS, localDigits, type Demographics } from '../../../../main/core/contract';
import { OnScreenKeyboard } from '../../ui/OnScreenKeyboard';
import { TouchButton } from '../../ui/TouchButton';
import { useLanguage } from '../../ui/useLanguage';

/** Visits in the last year as buttons; the last one stands for "this many or more". */
const VISITS = [0, 1, 2, 3, 4, 5] as const;

type Value = Partial<Demographics>;

/** Who answered, in broad strokes, all optional and last: a touch sets, a second touch clears. */
export function DemographicsStep({
  part,
  value,
  onChange,
}: {
  part: 'person' | 'background';
  value: Value;
  onChange: (value: Value) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [age, setAge] = useState(value.age ? String(value.age) : '');
  const toggle = <K extends keyof Demographics>(key: K, choice: Demographics[K]) =>
    onChange({ ...value, [key]: value[key] === choice ? null : choice });

  const onAgeKey = (key: string) => {
    const next = key === '\b' ? age.slice(0, -1) : (age + key).replace(/^0+/, '').slice(0, 3);
    setAge(next);
    const years = Number(next);
    onChange({ ...value, age: next && years >= 10 && years <= 120 ? years : null });
  };

  const group = <K extends 'gender' | 'education' | 'job'>(
    key: K,
    choices: readonly NonNullable<Demographics[K]>[],
  ) => (
    <fieldset className="survey-item" data-item={key}>
      <legend>{t(`survey.demographics.${key}`)}</legend>
      <div className="survey-item__options">
        {choices.map((choice) => (
          <TouchButton key={choice} aria-pressed={value[key] === choice} onClick={() => toggle(key, choice)}>
            {t(`survey.${key}.${choice}`)}
          </TouchButton>
        ))}
      </div>
    </fieldset>
  );

  return (
    <section className="survey__axis" aria-labelledby="demographics-title">
      <h1 id="demographics-title">{t('survey.demographics.title')}</h1>
      <p className="kiosk-screen__lead">{t('survey.demographics.optional')}</p>
      {part === 'person' ? (
        <>
          {group('gender', GENDERS)}
          <fieldset className="survey-item" data-item="age">
            <legend>{t('survey.demographics.age')}</legend>
            <output className="kiosk-field__value kiosk-field__value--short" data-testid="age">
              {localDigits(age, language) || '\u00a0'}
            </output>
            <OnScreenKeyboard layout="digits" letters={false} onLayout={() => undefined} onKey={onAgeKey} />
          </fieldset>
        </>
      ) : (
        <>
          {group('education', EDUCATION_LEVELS)}
          {group('job', JOBS)}
          <fieldset className="survey-item" data-item="visits">
            <legend>{t('survey.demographics.visits')}</legend>
            <div className="survey-item__options">
              {VISITS.map((visits) => (
                <TouchButton
                  key={visits}
                  aria-pressed={value.visits === visits}
                  onClick={() => toggle('visits', visits)}
                >
                  {visits === VISITS.at(-1)
                    ? t('survey.visitsOrMore', { count: localDigits(visits, language) })
                    : localDigits(visits, language)}
                </TouchButton>
              ))}
            </div>
          </fieldset>
        </>
      )}
    </section>
  );
}
