import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localDigits, type AppError, type Demographics, type QuestionnaireItem } from '../../../../main/core/contract';
import { invoke } from '../../api';
import { errorKey } from '../../ui/errorText';
import { TouchButton } from '../../ui/TouchButton';
import { useLanguage } from '../../ui/useLanguage';
import { KioskBar } from '../KioskBar';
import type { Navigate, Started } from '../KioskFace';
import { DemographicsStep } from './DemographicsStep';
import { surveySteps } from './steps';
import { SuggestionStep } from './SuggestionStep';

/** An item's answer: a scale value, a choice id, "no opinion" (null), or not answered yet (absent). */
type Answers = Record<string, number | string | null>;

/**
 * The questionnaire by touch, one axis a screen. Each scale's levels stand in the same order
 * on every item, best first in reading order (on the right in Persian, on the left in
 * English), with "no opinion" apart at the end.
 */
export function SurveyForm(props: { started: Started; trackingCode: string | undefined; navigate: Navigate }) {
  const { t, i18n } = useTranslation();
  const language = useLanguage();
  const { questionnaire, service } = props.started;
  const steps = surveySteps(questionnaire);
  const [index, setIndex] = useState(0);
  const [answers, setAnswers] = useState<Answers>({});
  const [demographics, setDemographics] = useState<Partial<Demographics>>({});
  const [suggestion, setSuggestion] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const step = steps[index];
  const last = index === steps.length - 1;

  async function send() {
    setBusy(true);
    const result = await invoke('survey.submit', {
      ...(props.trackingCode ? { trackingCode: props.trackingCode } : {}),
      questionnaire: { id: questionnaire.id, version: questionnaire.version },
      answers,
      ...(questionnaire.demographics ? { demographics } : {}),
      ...(suggestion.trim() ? { suggestion } : {}),
    });
    setBusy(false);
    if (result.ok) props.navigate({ name: 'survey-thanks' });
    else setError(result.error);
  }

  const choose = (item: QuestionnaireItem, value: number | string | null) =>
    setAnswers((current) => ({ ...current, [item.id]: value }));

  return (
    <main className="kiosk-screen survey">
      <KioskBar onHome={() => props.navigate({ name: 'home' })} />
      <header className="survey__header">
        <p className="survey__title">{questionnaire.title[language]}</p>
        {service && <p className="survey__service">{service.title[language]}</p>}
        <p className="survey__step">
          {t('survey.progress', { step: localDigits(index + 1, language), of: localDigits(steps.length, language) })}
        </p>
        <div
          className="progress"
          role="progressbar"
          aria-valuemin={1}
          aria-valuemax={steps.length}
          aria-valuenow={index + 1}
          aria-valuetext={t('survey.progress', {
            step: localDigits(index + 1, language),
            of: localDigits(steps.length, language),
          })}
        >
          <div className="progress__bar" style={{ inlineSize: `${((index + 1) / steps.length) * 100}%` }} />
        </div>
      </header>

      {step?.kind === 'axis' && (
        <section className="survey__axis" aria-labelledby="axis-title">
          <h1 id="axis-title">{step.axis.title[language]}</h1>
          {step.items.map((item) => (
            <fieldset className="survey-item" key={item.id} data-item={item.id}>
              <legend>{item.text[language]}</legend>
              <div className="survey-item__options">
                {(item.kind === 'scale'
                  ? (questionnaire.scales[item.scale] ?? []).map((level) => ({
                      value: level.value,
                      label: level.label,
                    }))
                  : item.choices.map((choice) => ({ value: choice.id, label: choice.label }))
                ).map((option) => (
                  <TouchButton
                    key={option.value}
                    aria-pressed={answers[item.id] === option.value}
                    onClick={() => choose(item, option.value)}
                  >
                    {option.label[language]}
                  </TouchButton>
                ))}
                <TouchButton
                  className="survey-item__none"
                  aria-pressed={answers[item.id] === null}
                  onClick={() => choose(item, null)}
                >
                  {t('survey.noOpinion')}
                </TouchButton>
              </div>
            </fieldset>
          ))}
        </section>
      )}
      {step?.kind === 'demographics' && (
        <DemographicsStep part={step.part} value={demographics} onChange={setDemographics} />
      )}
      {step?.kind === 'suggestion' && <SuggestionStep value={suggestion} onChange={setSuggestion} />}

      {error && (
        <p className="error-notice" role="alert" data-error-code={error.code}>
          {t(errorKey(error, i18n))}
        </p>
      )}
      <nav className="kiosk-actions survey__nav">
        <TouchButton disabled={index === 0 || busy} onClick={() => setIndex(index - 1)}>
          {t('survey.back')}
        </TouchButton>
        {last ? (
          <TouchButton className="touch-button--primary" disabled={busy} onClick={() => void send()}>
            {t('survey.send')}
          </TouchButton>
        ) : (
          <TouchButton className="touch-button--primary" onClick={() => setIndex(index + 1)}>
            {t('survey.next')}
          </TouchButton>
        )}
      </nav>
    </main>
  );
}
