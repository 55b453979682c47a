import type { FieldIssue, Questionnaire, ResponseInput } from '../contract';

export interface CheckedAnswer {
  itemId: string;
  value: number | null;
  choice: string | null;
}

/**
 * Every item of the questionnaire gets a row: its scale value, its choice, or "no opinion"
 * (an item not answered is no opinion). An answer to an item the version does not have,
 * or a value its scale does not have, is refused by name.
 */
export function checkAnswers(
  questionnaire: Questionnaire,
  answers: ResponseInput['answers'],
): { ok: true; answers: CheckedAnswer[] } | { ok: false; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const items = new Map(questionnaire.items.map((item) => [item.id, item]));
  for (const id of Object.keys(answers)) {
    if (!items.has(id)) issues.push({ path: id, code: 'survey.item_unknown' });
  }
  const checked = questionnaire.items.map((item): CheckedAnswer => {
    const answer = answers[item.id] ?? null;
    if (answer === null) return { itemId: item.id, value: null, choice: null };
    if (item.kind === 'scale') {
      const levels = questionnaire.scales[item.scale] ?? [];
      if (typeof answer === 'number' && levels.some((level) => level.value === answer)) {
        return { itemId: item.id, value: answer, choice: null };
      }
    } else if (typeof answer === 'string' && item.choices.some((choice) => choice.id === answer)) {
      return { itemId: item.id, value: null, choice: answer };
    }
    issues.push({ path: item.id, code: 'survey.answer_invalid' });
    return { itemId: item.id, value: null, choice: null };
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, answers: checked };
}
