import type { Questionnaire, ResponseInput, Settings } from '../contract';
import { formatJalali, tehranClock } from '../calendar/jalali';
import type { Db } from '../db/connection';
import { findByTrackingCode, serviceRef } from '../requests/rows';
import { DomainError } from '../router';
import { checkAnswers } from './answers';
import { findQuestionnaire, latestQuestionnaire } from './definitions';

interface Surveyable {
  requestId: number;
  serviceId: number;
  clerk: string | null;
  service: { code: string; title: { fa: string; en: string } };
}

/** A request the citizen may answer about: delivered, and not answered yet. */
function surveyable(db: Db, trackingCode: string): Surveyable {
  const row = findByTrackingCode(db, trackingCode);
  if (!row) throw new DomainError('requests.not_found');
  if (row.status !== 'delivered') throw new DomainError('survey.not_delivered');
  const extra = db
    .prepare(
      `SELECT r.service_id AS serviceId, r.surveyed_at AS surveyedAt,
         (SELECT actor FROM request_events e WHERE e.request_id = r.id AND e.to_status = 'delivered'
          ORDER BY e.id DESC LIMIT 1) AS clerk
       FROM requests r WHERE r.id = ?`,
    )
    .get(row.id) as { serviceId: number; surveyedAt: string | null; clerk: string | null };
  if (extra.surveyedAt !== null) throw new DomainError('survey.already_answered');
  const { code, title } = serviceRef(row);
  return { requestId: row.id, serviceId: extra.serviceId, clerk: extra.clerk, service: { code, title } };
}

function currentQuestionnaire(db: Db, settings: Settings): Questionnaire {
  const questionnaire = latestQuestionnaire(db, settings['survey.questionnaire']);
  if (!questionnaire) throw new DomainError('internal');
  return questionnaire;
}

export function startSurvey(
  db: Db,
  settings: Settings,
  trackingCode: string | undefined,
): { questionnaire: Questionnaire; service: Surveyable['service'] | null } {
  if (trackingCode === undefined) {
    if (!settings['survey.anonymous']) throw new DomainError('survey.anonymous_off');
    return { questionnaire: currentQuestionnaire(db, settings), service: null };
  }
  return { questionnaire: currentQuestionnaire(db, settings), service: surveyable(db, trackingCode).service };
}

/**
 * Records a response in one transaction with the request's "surveyed" mark, so that a
 * request is answered once even if two screens try at the same moment.
 */
export function submitResponse(db: Db, settings: Settings, input: ResponseInput, now: Date): number {
  const questionnaire = findQuestionnaire(db, input.questionnaire.id, input.questionnaire.version);
  if (!questionnaire) throw new DomainError('survey.questionnaire_unknown');
  const checked = checkAnswers(questionnaire, input.answers);
  if (!checked.ok) throw new DomainError('input.invalid', { issues: checked.issues });
  if (input.trackingCode === undefined && !settings['survey.anonymous']) throw new DomainError('survey.anonymous_off');
  const demographics = questionnaire.demographics ? input.demographics : undefined;
  const suggestion = questionnaire.suggestion && input.suggestion ? input.suggestion : null;

  return db
    .transaction(() => {
      const about = input.trackingCode === undefined ? undefined : surveyable(db, input.trackingCode);
      if (about) db.prepare('UPDATE requests SET surveyed_at = ? WHERE id = ?').run(now.toISOString(), about.requestId);
      const { lastInsertRowid } = db
        .prepare(
          `INSERT INTO survey_responses (questionnaire_id, version, source, service_id, clerk, terminal, answered_at, day,
             gender, age, education, job, visits, suggestion)
           VALUES (@id, @version, @source, @serviceId, @clerk, @terminal, @at, @day,
             @gender, @age, @education, @job, @visits, @suggestion)`,
        )
        .run({
          id: questionnaire.id,
          version: questionnaire.version,
          source: about ? 'request' : 'anonymous',
          serviceId: about?.serviceId ?? null,
          clerk: about?.clerk ?? null,
          terminal: settings['terminal.number'],
          at: now.toISOString(),
          day: formatJalali(tehranClock(now).day),
          gender: demographics?.gender ?? null,
          age: demographics?.age ?? null,
          education: demographics?.education ?? null,
          job: demographics?.job ?? null,
          visits: demographics?.visits ?? null,
          suggestion,
        });
      const responseId = Number(lastInsertRowid);
      const insert = db.prepare('INSERT INTO survey_answers (response_id, item_id, value, choice) VALUES (?, ?, ?, ?)');
      for (const answer of checked.answers) insert.run(responseId, answer.itemId, answer.value, answer.choice);
      return responseId;
    })
    .immediate();
}
