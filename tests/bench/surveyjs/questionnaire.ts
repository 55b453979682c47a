import type { Questionnaire } from '../../../main/core/contract';

/**
 * The kiosk's own word for "no opinion" (survey.noOpinion in renderer/src/i18n/fa.json): our
 * survey shows it as a fifth button after the levels, so the SurveyJS screens show it too.
 */
export const NO_OPINION = { value: 'none', text: 'نظری ندارم' } as const;

/**
 * One of our questionnaires as SurveyJS's JSON, in Persian and right to left (the `fa` locale
 * is registered with `rtl: true` by survey-core/i18n/persian): a page per axis, a "rating"
 * question per item with the scale's levels best first, as our kiosk shows them, then "no
 * opinion". Only the axes: the demographics and suggestion steps come after the screens the
 * benchmark measures.
 */
export function toSurveyJson(questionnaire: Questionnaire) {
  return {
    locale: 'fa',
    title: questionnaire.title.fa,
    showQuestionNumbers: false,
    showProgressBar: true,
    progressBarLocation: 'belowHeader',
    pages: questionnaire.axes.map((axis) => ({
      name: axis.id,
      title: axis.title.fa,
      elements: questionnaire.items
        .filter((item) => item.axis === axis.id)
        .map((item) => ({
          type: 'rating',
          name: item.id,
          title: item.text.fa,
          rateType: 'labels',
          displayMode: 'buttons',
          rateValues: [
            ...(item.kind === 'scale'
              ? (questionnaire.scales[item.scale] ?? []).map((level) => ({ value: level.value, text: level.label.fa }))
              : item.choices.map((choice) => ({ value: choice.id, text: choice.label.fa }))),
            NO_OPINION,
          ],
        })),
    })),
  };
}
