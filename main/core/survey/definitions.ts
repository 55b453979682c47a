import national16 from '../../../assets/questionnaires/national-16.json';
import pishkhanCitizen from '../../../assets/questionnaires/pishkhan-citizen.json';
import { questionnaireSchema, type Questionnaire } from '../contract';
import type { Db } from '../db/connection';

/** The definitions the app ships (assets/questionnaires/). */
export const SHIPPED_QUESTIONNAIRES: readonly Questionnaire[] = [national16, pishkhanCitizen].map((q) =>
  questionnaireSchema.parse(q),
);

export class QuestionnaireChanged extends Error {}

/**
 * Stores every shipped definition the database does not hold yet. A version already
 * stored must be the same text: answers given under it keep their meaning, so a changed
 * definition needs a new version number, never an edit.
 */
export function ensureQuestionnaires(db: Db): void {
  const stored = db.prepare('SELECT definition FROM questionnaires WHERE id = ? AND version = ?').pluck();
  const insert = db.prepare('INSERT INTO questionnaires (id, version, definition) VALUES (?, ?, ?)');
  db.transaction(() => {
    for (const questionnaire of SHIPPED_QUESTIONNAIRES) {
      const text = JSON.stringify(questionnaire);
      const existing = stored.get(questionnaire.id, questionnaire.version) as string | undefined;
      if (existing === undefined) insert.run(questionnaire.id, questionnaire.version, text);
      else if (existing !== text) {
        throw new QuestionnaireChanged(
          `questionnaire ${questionnaire.id} version ${questionnaire.version} differs from the stored one: give it a new version`,
        );
      }
    }
  })();
}

export function findQuestionnaire(db: Db, id: string, version: number): Questionnaire | undefined {
  const text = db
    .prepare('SELECT definition FROM questionnaires WHERE id = ? AND version = ?')
    .pluck()
    .get(id, version) as string | undefined;
  return text === undefined ? undefined : questionnaireSchema.parse(JSON.parse(text));
}

/** The newest version of a questionnaire: what a terminal set to use it asks now. */
export function latestQuestionnaire(db: Db, id: string): Questionnaire | undefined {
  const text = db
    .prepare('SELECT definition FROM questionnaires WHERE id = ? ORDER BY version DESC LIMIT 1')
    .pluck()
    .get(id) as string | undefined;
  return text === undefined ? undefined : questionnaireSchema.parse(JSON.parse(text));
}

export function listQuestionnaires(db: Db): { id: string; version: number; title: Questionnaire['title'] }[] {
  const rows = db.prepare('SELECT definition FROM questionnaires ORDER BY id, version').pluck().all() as string[];
  return rows.map((text) => {
    const q = questionnaireSchema.parse(JSON.parse(text));
    return { id: q.id, version: q.version, title: q.title };
  });
}
