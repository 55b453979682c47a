import type { Questionnaire, QuestionnaireItem } from '../../../../main/core/contract';

/** One screen of the survey: an axis with its items, then the demographics, then the suggestion. */
export type SurveyStep =
  | { kind: 'axis'; axis: Questionnaire['axes'][number]; items: QuestionnaireItem[] }
  | { kind: 'demographics'; part: 'person' | 'background' }
  | { kind: 'suggestion' };

export function surveySteps(questionnaire: Questionnaire): SurveyStep[] {
  const steps: SurveyStep[] = questionnaire.axes
    .map((axis) => ({
      kind: 'axis' as const,
      axis,
      items: questionnaire.items.filter((item) => item.axis === axis.id),
    }))
    .filter((step) => step.items.length > 0);
  // Two screens, so that each fits a landscape kiosk without scrolling.
  if (questionnaire.demographics) {
    steps.push({ kind: 'demographics', part: 'person' }, { kind: 'demographics', part: 'background' });
  }
  if (questionnaire.suggestion) steps.push({ kind: 'suggestion' });
  return steps;
}
