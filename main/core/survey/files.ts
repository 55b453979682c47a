import {
  demographicsSchema,
  EDUCATION_LEVELS,
  GENDERS,
  JOBS,
  normalizeDigits,
  type FieldIssue,
  type Questionnaire,
} from '../contract';
import { tehranInstant } from '../calendar/instant';
import { formatJalali, parseJalali } from '../calendar/jalali';
import { readCsvFile, writeCsv } from '../csv';
import type { Db } from '../db/connection';
import { DomainError } from '../router';
import { checkAnswers, type CheckedAnswer } from './answers';
import { findQuestionnaire, latestQuestionnaire } from './definitions';

/** The columns before the items' own, and the one after. */
export const RESPONSE_COLUMNS = [
  'date',
  'questionnaire',
  'service_code',
  'gender',
  'age',
  'education',
  'job',
  'visits',
];

interface ImportedResponse {
  day: string;
  questionnaire: Questionnaire;
  serviceId: number;
  demographics: {
    gender: string | null;
    age: number | null;
    education: string | null;
    job: string | null;
    visits: number | null;
  };
  answers: CheckedAnswer[];
  suggestion: string | null;
}

const blank = (cell: string | undefined) => (cell ?? '').trim() === '';

/** An optional whole number in any digits; undefined when the cell holds something else. */
function optionalNumber(cell: string | undefined): number | null | undefined {
  if (blank(cell)) return null;
  const text = normalizeDigits((cell ?? '').trim());
  return /^\d+$/.test(text) ? Number(text) : undefined;
}

function optionalChoice<T extends string>(cell: string | undefined, allowed: readonly T[]): T | null | undefined {
  if (blank(cell)) return null;
  const value = (cell ?? '').trim() as T;
  return allowed.includes(value) ? value : undefined;
}

/**
 * Reads responses typed in from paper forms or exported by another terminal, checking every
 * row before anything is written; every error names its row (1 = the first data row) and column.
 */
function readResponses(db: Db, content: string): ImportedResponse[] {
  const { header, records } = readCsvFile(content, 'survey.import_invalid', [...RESPONSE_COLUMNS, 'suggestion']);
  const serviceId = db.prepare('SELECT id FROM services WHERE code = ?').pluck();
  const issues: FieldIssue[] = [];
  const rows: ImportedResponse[] = [];
  records.forEach((record, index) => {
    const row = index + 1;
    const problem = (path: string, code: string) => issues.push({ row, path, code });
    const day = parseJalali(record.date ?? '');
    if (day === undefined) problem('date', 'calendar.date_invalid');
    const questionnaire = latestQuestionnaire(db, (record.questionnaire ?? '').trim());
    if (!questionnaire) problem('questionnaire', 'survey.questionnaire_unknown');
    const service = serviceId.get((record.service_code ?? '').trim()) as number | undefined;
    if (service === undefined) problem('service_code', 'catalogue.service_not_found');
    const demographics = {
      gender: optionalChoice(record.gender, GENDERS),
      age: optionalNumber(record.age),
      education: optionalChoice(record.education, EDUCATION_LEVELS),
      job: optionalChoice(record.job, JOBS),
      visits: optionalNumber(record.visits),
    };
    for (const [column, value] of Object.entries(demographics)) {
      if (value === undefined) problem(column, 'survey.answer_invalid');
    }
    // The ranges (an age of 10 to 120 …) are the contract's, as for an answer given at the kiosk.
    const checkedDemographics = demographicsSchema.safeParse(demographics);
    if (!checkedDemographics.success) {
      const named = new Set(
        Object.entries(demographics).flatMap(([column, value]) => (value === undefined ? [column] : [])),
      );
      for (const issue of checkedDemographics.error.issues) {
        const column = String(issue.path[0]);
        if (!named.has(column)) problem(column, 'survey.answer_invalid');
      }
    }
    if (!questionnaire) return;
    const itemColumns = header.filter((column) => !RESPONSE_COLUMNS.includes(column) && column !== 'suggestion');
    const answers: Record<string, number | string | null> = {};
    for (const column of itemColumns) {
      const cell = (record[column] ?? '').trim();
      if (cell === '') continue;
      const digits = normalizeDigits(cell);
      answers[column] = /^-?\d+$/.test(digits) ? Number(digits) : cell;
    }
    const checked = checkAnswers(questionnaire, answers);
    if (!checked.ok) {
      for (const issue of checked.issues) problem(issue.path, issue.code);
      return;
    }
    if (day === undefined || service === undefined || !checkedDemographics.success) return;
    rows.push({
      day: formatJalali(day),
      questionnaire,
      serviceId: service,
      demographics: checkedDemographics.data,
      answers: checked.answers,
      suggestion: blank(record.suggestion) ? null : (record.suggestion ?? '').trim(),
    });
  });
  if (issues.length > 0) throw new DomainError('survey.import_invalid', { issues });
  return rows;
}

/** `mizban responses import`: all rows or none. */
export function importResponses(db: Db, content: string): { imported: number } {
  const rows = readResponses(db, content);
  const insertResponse = db.prepare(
    `INSERT INTO survey_responses (questionnaire_id, version, source, service_id, clerk, terminal, answered_at, day,
       gender, age, education, job, visits, suggestion)
     VALUES (@id, @version, 'import', @serviceId, NULL, NULL, @at, @day, @gender, @age, @education, @job, @visits, @suggestion)`,
  );
  const insertAnswer = db.prepare(
    'INSERT INTO survey_answers (response_id, item_id, value, choice) VALUES (?, ?, ?, ?)',
  );
  db.transaction(() => {
    for (const row of rows) {
      const { lastInsertRowid } = insertResponse.run({
        id: row.questionnaire.id,
        version: row.questionnaire.version,
        serviceId: row.serviceId,
        // Noon in Tehran: a paper form has a day, not a time.
        at: tehranInstant(parseJalali(row.day) as number, 12 * 60).toISOString(),
        day: row.day,
        ...row.demographics,
        suggestion: row.suggestion,
      });
      for (const answer of row.answers) insertAnswer.run(lastInsertRowid, answer.itemId, answer.value, answer.choice);
    }
  }).immediate();
  return { imported: rows.length };
}

/** `mizban responses export`: the format the import reads, one column per item of every questionnaire answered. */
export function exportResponses(db: Db): string {
  const responses = db
    .prepare(
      `SELECT r.id, r.day AS date, r.questionnaire_id, s.code AS service_code, r.gender, r.age, r.education, r.job, r.visits,
         r.suggestion
       FROM survey_responses r LEFT JOIN services s ON s.id = r.service_id ORDER BY r.id`,
    )
    .all() as (Record<string, string | number | null> & { id: number })[];
  const answers = db.prepare('SELECT item_id, value, choice FROM survey_answers WHERE response_id = ?');
  // Item columns in each questionnaire's own order (q1, q2 … q10), for every version answered.
  const versions = db
    .prepare('SELECT DISTINCT questionnaire_id AS id, version FROM survey_responses ORDER BY id, version')
    .all() as { id: string; version: number }[];
  const items = [
    ...new Set(versions.flatMap(({ id, version }) => findQuestionnaire(db, id, version)?.items.map((i) => i.id) ?? [])),
  ];
  const records = responses.map(({ id, questionnaire_id, ...response }) => {
    const record: Record<string, string | number | null> = { ...response, questionnaire: questionnaire_id ?? null };
    for (const answer of answers.all(id) as { item_id: string; value: number | null; choice: string | null }[]) {
      record[answer.item_id] = answer.value ?? answer.choice;
    }
    return record;
  });
  const columns = [...RESPONSE_COLUMNS, ...items, 'suggestion'];
  return writeCsv(records, columns);
}
