import type { Settings } from '../contract';
import type { Db } from '../db/connection';
import type { EventBus } from '../events';
import { DomainError, type Handlers } from '../router';
import { listQuestionnaires } from './definitions';
import { startSurvey, submitResponse } from './responses';

type SurveyHandlers = Pick<Handlers, 'survey.start' | 'survey.submit' | 'survey.questionnaires' | 'survey.offer'>;

export function surveyHandlers(
  db: Db,
  settings: () => Settings,
  bus: EventBus,
  /** Queues the survey slip of a request and wakes the printer; returns the print job's id. */
  printSlip: (trackingCode: string) => number,
  now: () => Date = () => new Date(),
): SurveyHandlers {
  return {
    'survey.start': ({ trackingCode }) => startSurvey(db, settings(), trackingCode),
    'survey.submit': (input) => ({ responseId: submitResponse(db, settings(), input, now()) }),
    'survey.questionnaires': () => listQuestionnaires(db),
    'survey.offer': ({ trackingCode }) => {
      // The same checks as the kiosk will make, so that the clerk hears at once if it cannot be offered.
      startSurvey(db, settings(), trackingCode);
      if (settings()['survey.handoff'] === 'slip') return { via: 'slip', jobId: printSlip(trackingCode) };
      // An offer nobody sees would leave the citizen waiting at a blank screen: the clerk hears it instead.
      if (!bus.reaches('survey.offered')) throw new DomainError('survey.no_display');
      bus.emit({ type: 'survey.offered', trackingCode });
      return { via: 'display' };
    },
  };
}
