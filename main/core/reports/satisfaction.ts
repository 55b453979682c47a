import {
  DEMOGRAPHICS,
  REPORT_METHOD,
  type AxisReport,
  type Demographic,
  type ItemReport,
  type SatisfactionGroup,
  type SatisfactionInput,
  type SatisfactionReport,
  type ScaleStatistics,
} from '../contract/reports';
import type { Questionnaire } from '../contract';
import type { Db } from '../db/connection';
import { DomainError } from '../router';
import { findQuestionnaire, latestQuestionnaire } from '../survey/definitions';
import { checkedScope, type ServiceEntry } from './catalogue';
import { ageBracket, ALL, DEMOGRAPHIC_BRACKETS, NOT_KNOWN, visitsBracket, type Words } from './labels';
import { dayBounds, isPeriod, periodKey, periodLabel, periodsBetween } from './range';
import { frequencyTable, percentOf, scaleStatistics, type Level } from './stats';

/** How one item's answers are tallied: slot 0 is "no opinion", then one slot per level or choice. */
interface ItemLayout {
  item: Questionnaire['items'][number];
  offset: number;
  /** The stored answer's text (a scale value or a choice id) to its slot. */
  slots: Map<string, number>;
  levels: readonly Level[] | null;
  scale: string | null;
}

function layoutOf(questionnaire: Questionnaire): { items: ItemLayout[]; size: number } {
  let offset = 0;
  const items = questionnaire.items.map((item): ItemLayout => {
    const options =
      item.kind === 'scale'
        ? (questionnaire.scales[item.scale] ?? []).map((level) => String(level.value))
        : item.choices.map((choice) => choice.id);
    const layout: ItemLayout = {
      item,
      offset,
      slots: new Map(options.map((option, i) => [option, i + 1])),
      levels: item.kind === 'scale' ? (questionnaire.scales[item.scale] ?? []) : null,
      scale: item.kind === 'scale' ? item.scale : null,
    };
    offset += options.length + 1;
    return layout;
  });
  return { items, size: offset };
}

interface Tally {
  n: number;
  counts: Int32Array;
}

interface Row {
  id: number;
  day: string;
  service_id: number | null;
  clerk: string | null;
  gender: string | null;
  age: number | null;
  education: string | null;
  job: string | null;
  visits: number | null;
  suggested: number;
  answers: number;
  codes: string | null;
}

/**
 * Every answer is read once, a response at a time: the answers table scanned in its
 * primary-key order (response, item) with each response joined by rowid, so that SQLite
 * needs no sort, and each response's answers arrive as one text in item-id order, which
 * JavaScript splits. CROSS JOIN fixes that plan; tests/bench/reports.bench.ts measures it.
 */
export function responsesQuery(filtered: boolean): string {
  return `SELECT r.id, r.day, r.service_id, r.clerk, r.gender, r.age, r.education, r.job, r.visits,
      coalesce(r.suggestion, '') <> '' AS suggested,
      count(*) AS answers, group_concat(coalesce(a.value, a.choice, ''), ',') AS codes
    FROM survey_answers a CROSS JOIN survey_responses r ON r.id = a.response_id
    WHERE a.response_id BETWEEN @low AND @high
      AND r.questionnaire_id = @questionnaire AND r.version = @version AND +r.day BETWEEN @from AND @to
      ${filtered ? 'AND r.service_id IN (SELECT value FROM json_each(@services))' : ''}
    GROUP BY a.response_id`;
}

export function satisfactionReport(db: Db, input: SatisfactionInput & { target: number }): SatisfactionReport {
  const questionnaire =
    input.version === undefined
      ? latestQuestionnaire(db, input.questionnaire)
      : findQuestionnaire(db, input.questionnaire, input.version);
  if (!questionnaire) throw new DomainError('survey.questionnaire_unknown');
  const { range, services, kept } = checkedScope(db, input);
  const [from, to] = dayBounds(range);
  const layout = layoutOf(questionnaire);
  // The order group_concat meets the items in: the primary key's, byte order of the ids.
  const byPosition = [...layout.items].sort((a, b) => (a.item.id < b.item.id ? -1 : 1));
  const byId = new Map(layout.items.map((item) => [item.item.id, item]));
  const slotsByPosition = byPosition.map((item) => item.slots);
  const offsetsByPosition = byPosition.map((item) => item.offset);

  const groups = new Map<string, Tally>();
  const demographics = Object.fromEntries(DEMOGRAPHICS.map((name) => [name, new Map<string, number>()])) as Record<
    Demographic,
    Map<string, number>
  >;
  const perService = new Map<number | null, number>();
  let n = 0;
  let suggestions = 0;
  let firstDay: string | null = null;
  let lastDay: string | null = null;

  const bounds = db
    .prepare(
      'SELECT min(id) AS low, max(id) AS high FROM survey_responses WHERE questionnaire_id = ? AND day BETWEEN ? AND ?',
    )
    .get(questionnaire.id, from, to) as { low: number | null; high: number | null };
  const answersOf = db.prepare('SELECT item_id, value, choice FROM survey_answers WHERE response_id = ?');
  const rows = db.prepare(responsesQuery(kept !== null)).iterate({
    low: bounds.low ?? 0,
    high: bounds.high ?? -1,
    questionnaire: questionnaire.id,
    version: questionnaire.version,
    from,
    to,
    ...(kept ? { services: JSON.stringify([...kept]) } : {}),
  }) as IterableIterator<Row>;

  for (const row of rows) {
    n += 1;
    if (firstDay === null || row.day < firstDay) firstDay = row.day;
    if (lastDay === null || row.day > lastDay) lastDay = row.day;
    const key = groupKey(row, input.by, services);
    let tally = groups.get(key);
    if (!tally) groups.set(key, (tally = { n: 0, counts: new Int32Array(layout.size) }));
    tally.n += 1;
    if (row.answers === layout.items.length && row.codes !== null) {
      const codes = row.codes.split(',');
      const counts = tally.counts;
      // The hot loop of the report (a million responses, sixteen answers each): plain indexes.
      for (let i = 0; i < codes.length; i++) {
        const code = codes[i] as string;
        const slot = code === '' ? 0 : (slotsByPosition[i] as Map<string, number>).get(code);
        if (slot !== undefined) counts[(offsetsByPosition[i] as number) + slot]! += 1;
      }
    } else {
      // Not one answer row per item: not what the survey writes, but counted right all the same.
      for (const answer of answersOf.all(row.id) as {
        item_id: string;
        value: number | null;
        choice: string | null;
      }[]) {
        const item = byId.get(answer.item_id);
        if (item) count(tally, item, answer.value !== null ? String(answer.value) : (answer.choice ?? ''));
      }
    }
    perService.set(row.service_id, (perService.get(row.service_id) ?? 0) + 1);
    tallyDemographics(demographics, row);
    if (row.suggested) suggestions += 1;
  }

  return {
    questionnaire: { id: questionnaire.id, version: questionnaire.version, title: questionnaire.title },
    from: range.from,
    to: range.to,
    by: input.by ?? null,
    n,
    target: input.target,
    groups: groupKeys(input.by, groups, services, range.from ?? firstDay, range.to ?? lastDay).map((key) =>
      groupReport(key, groupLabel(key, input.by, services), groups.get(key), questionnaire, layout, input.target),
    ),
    services: frequencyTable([
      ...[...services.values()]
        .filter((service) => perService.has(service.id))
        .map((service) => ({ value: service.code, label: service.title, count: perService.get(service.id) ?? 0 })),
      ...(perService.has(null) ? [{ value: '', label: NOT_KNOWN, count: perService.get(null) ?? 0 }] : []),
    ]),
    demographics: demographicTables(demographics),
    demographicsNotStated: Object.fromEntries(
      DEMOGRAPHICS.map((name) => [name, n - [...demographics[name].values()].reduce((sum, c) => sum + c, 0)]),
    ) as SatisfactionReport['demographicsNotStated'],
    suggestions,
    suggestionShare: percentOf(suggestions, n),
    method: REPORT_METHOD,
  };
}

function count(tally: Tally, item: ItemLayout, code: string): void {
  const slot = code === '' ? 0 : item.slots.get(code);
  if (slot !== undefined) tally.counts[item.offset + slot] = (tally.counts[item.offset + slot] ?? 0) + 1;
}

function groupKey(row: Row, by: SatisfactionInput['by'], services: Map<number, ServiceEntry>): string {
  if (by === undefined) return 'all';
  if (isPeriod(by)) return periodKey(row.day, by);
  if (by === 'clerk') return row.clerk ?? '';
  const service = row.service_id === null ? undefined : services.get(row.service_id);
  return (by === 'service' ? service?.code : service?.agencyCode) ?? '';
}

/** The groups in the order a report lists them: periods in time (empty ones too), codes and names sorted, "not known" last. */
export function groupKeys(
  by: SatisfactionInput['by'],
  found: ReadonlyMap<string, unknown>,
  services: Map<number, ServiceEntry>,
  first: string | null,
  last: string | null,
): string[] {
  if (by === undefined) return ['all'];
  if (isPeriod(by)) return first === null || last === null ? [] : periodsBetween(first, last, by);
  const keys = [...found.keys()].filter((key) => key !== '');
  const order =
    by === 'clerk'
      ? keys.sort()
      : [...new Set([...services.values()].map((s) => (by === 'service' ? s.code : s.agencyCode)))].filter((key) =>
          found.has(key),
        );
  return found.has('') ? [...order, ''] : order;
}

export function groupLabel(key: string, by: SatisfactionInput['by'], services: Map<number, ServiceEntry>): Words {
  if (by === undefined) return ALL;
  if (key === '') return NOT_KNOWN;
  if (isPeriod(by)) return periodLabel(key, by);
  if (by === 'clerk') return { fa: key, en: key };
  const service = [...services.values()].find((s) => (by === 'service' ? s.code : s.agencyCode) === key);
  return (by === 'service' ? service?.title : service?.agencyTitle) ?? { fa: key, en: key };
}

function groupReport(
  key: string,
  label: Words,
  tally: Tally | undefined,
  questionnaire: Questionnaire,
  layout: { items: ItemLayout[]; size: number },
  target: number,
): SatisfactionGroup {
  const counts = tally?.counts ?? new Int32Array(layout.size);
  const slotsOf = (item: ItemLayout) =>
    Array.from({ length: item.slots.size }, (_, i) => counts[item.offset + i + 1] ?? 0);
  const items = layout.items.map((layoutItem): ItemReport => {
    const { item } = layoutItem;
    const noOpinion = counts[layoutItem.offset] ?? 0;
    if (item.kind === 'choice') {
      const frequencies = frequencyTable(
        item.choices.map((choice, i) => ({
          value: choice.id,
          label: choice.label,
          count: slotsOf(layoutItem)[i] ?? 0,
        })),
      );
      const answered = frequencies.reduce((sum, row) => sum + row.count, 0);
      return { id: item.id, kind: 'choice', text: item.text, n: answered, noOpinion, frequencies };
    }
    return {
      id: item.id,
      kind: 'scale',
      text: item.text,
      ...scaleStatistics(layoutItem.levels ?? [], slotsOf(layoutItem), noOpinion, target),
    };
  });
  /** Several items' answers together, when they share one scale. */
  const together = (members: ItemLayout[]): ScaleStatistics | null => {
    const scales = new Set(members.map((member) => member.scale));
    const first = members[0];
    if (!first || scales.size !== 1 || first.levels === null) return null;
    const sums = first.levels.map((_, i) => members.reduce((sum, member) => sum + (slotsOf(member)[i] ?? 0), 0));
    const noOpinion = members.reduce((sum, member) => sum + (counts[member.offset] ?? 0), 0);
    return scaleStatistics(first.levels, sums, noOpinion, target);
  };
  const scaleItems = layout.items.filter((item) => item.scale !== null);
  const axes = questionnaire.axes.flatMap((axis): AxisReport[] => {
    const statistics = together(scaleItems.filter((item) => item.item.axis === axis.id));
    return statistics ? [{ id: axis.id, title: axis.title, ...statistics }] : [];
  });
  return { key, label, n: tally?.n ?? 0, items, axes, overall: together(scaleItems) };
}

function tallyDemographics(tallies: Record<Demographic, Map<string, number>>, row: Row): void {
  const add = (name: Demographic, value: string | null | undefined) => {
    if (value === null || value === undefined) return;
    tallies[name].set(value, (tallies[name].get(value) ?? 0) + 1);
  };
  add('gender', row.gender);
  add('age', row.age === null ? null : ageBracket(row.age));
  add('education', row.education);
  add('job', row.job);
  add('visits', row.visits === null ? null : visitsBracket(row.visits));
}

function demographicTables(tallies: Record<Demographic, Map<string, number>>): SatisfactionReport['demographics'] {
  return Object.fromEntries(
    DEMOGRAPHICS.map((name) => [
      name,
      frequencyTable(
        DEMOGRAPHIC_BRACKETS[name].map((bracket) => ({ ...bracket, count: tallies[name].get(bracket.value) ?? 0 })),
      ),
    ]),
  ) as SatisfactionReport['demographics'];
}
