import type { Settings } from '../contract';
import type { Db } from '../db/connection';
import type { EventBus } from '../events';
import type { Handlers } from '../router';
import { listQuestionnaires } from './definitions';
import { startSurvey, submitResponse } from './responses';

type SurveyHandlers = Pick<Handlers, 'survey.start' | 'survey.submit' | 'survey.questionnaires' | 'survey.offer'>;

export function surveyHandlers(
  db: Db,
  settings: () => Settings,
  bus: EventBus,
  now: () => Date = () => new Date(),
): SurveyHandlers {
  return {
    'survey.start': ({ trackingCode }) => startSurvey(db, settings(), trackingCode),
    'survey.submit': (input) => ({ responseId: submitResponse(db, settings(), input, now()) }),
    'survey.questionnaires': () => listQuestionnaires(db),
    'survey.offer': ({ trackingCode }) => {
      // The same checks as the kiosk will make, so that the clerk hears at once if it cannot be offered.
      startSurvey(db, settings(), trackingCode);
      bus.emit({ type: 'survey.offered', trackingCode });
      return { offered: true };
    },
  };
}
