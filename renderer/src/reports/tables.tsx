import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FrequencyRow, Language, ScaleStatistics } from '../../../main/core/contract';
import { useLanguage } from '../ui/useLanguage';
import { formatCount, formatPercent, formatStatistic } from './format';

/** A bilingual text from the core: every label of a report comes in both languages. */
export interface Words {
  fa: string;
  en: string;
}

export type CellKind = 'text' | 'count' | 'percent' | 'statistic';
export type Cell = string | number | null;

/** A figure in the reader's digits; a figure the core could not give (no answers) is a dash. */
export function formatCell(value: Cell, kind: CellKind, language: Language): string {
  if (value === null) return '—';
  if (typeof value === 'string') return value;
  if (kind === 'count') return formatCount(value, language);
  if (kind === 'percent') return formatPercent(value, language);
  return formatStatistic(value, language);
}

/**
 * One table of a report, kept whole on paper: a caption, then the figures. Each figure
 * carries its column's kind and raw value (data-value), so that the tests read the numbers
 * back as the channel gave them.
 */
export function ReportTable({
  id,
  caption,
  columns,
  rows,
  footer,
  notes,
}: {
  id: string;
  caption: string;
  columns: { header: string; kind: CellKind }[];
  /** The first cell names the row. */
  rows: { key: string; cells: (Cell | { node: ReactNode; value: Cell })[] }[];
  footer?: Cell[];
  notes?: string[];
}) {
  const language = useLanguage();
  const cell = (value: Cell | { node: ReactNode; value: Cell }, i: number) => {
    const kind = columns[i]?.kind ?? 'text';
    const [node, raw] =
      value !== null && typeof value === 'object'
        ? [value.node, value.value]
        : [formatCell(value, kind, language), value];
    const props = { 'data-kind': kind, 'data-value': raw === null ? '' : String(raw) };
    return i === 0 ? (
      <th key={i} scope="row" {...props}>
        {node}
      </th>
    ) : (
      <td key={i} {...props}>
        {node}
      </td>
    );
  };
  return (
    <figure className="report-table" data-table={id}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column, i) => (
              <th key={i} scope="col" data-kind={column.kind}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} data-row={row.key}>
              {row.cells.map(cell)}
            </tr>
          ))}
        </tbody>
        {footer && (
          <tfoot>
            <tr data-row="total">{footer.map(cell)}</tr>
          </tfoot>
        )}
      </table>
      {notes?.map((note) => (
        <figcaption key={note} className="report-table__note">
          {note}
        </figcaption>
      ))}
    </figure>
  );
}

/** A frequency table in the seeds' layout: عنوان، تعداد، درصد، درصد تجمعی, and the جمع row. */
export function FrequencyTable({ id, caption, rows }: { id: string; caption: string; rows: readonly FrequencyRow[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const total = rows.reduce((sum, row) => sum + row.count, 0);
  return (
    <ReportTable
      id={id}
      caption={caption}
      columns={[
        { header: t('reports.table.title'), kind: 'text' },
        { header: t('reports.table.count'), kind: 'count' },
        { header: t('reports.table.percent'), kind: 'percent' },
        { header: t('reports.table.cumulative'), kind: 'percent' },
      ]}
      rows={rows.map((row) => ({
        key: String(row.value),
        cells: [row.label[language], row.count, row.percent, row.cumulativePercent],
      }))}
      footer={[t('reports.table.total'), total, total === 0 ? 0 : 100, '']}
    />
  );
}

/** Met or not met, in words and colour: the acceptance against the target at a glance. */
export function TargetBadge({ met }: { met: boolean | null }) {
  const { t } = useTranslation();
  if (met === null) return <span className="target-badge target-badge--none">{t('reports.summary.noAnswers')}</span>;
  return (
    <span className={`target-badge target-badge--${met ? 'met' : 'not-met'}`} data-met={met}>
      <span aria-hidden="true">{met ? '✔' : '✘'}</span> {t(met ? 'reports.summary.met' : 'reports.summary.notMet')}
    </span>
  );
}

export interface StatisticsRow {
  key: string;
  title: string;
  stats: ScaleStatistics;
}

/** n, no opinion, mean, median, modes, sd, variance, acceptance and the target, one row per item, axis and the whole. */
export function StatisticsTable({ id, caption, rows }: { id: string; caption: string; rows: StatisticsRow[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <ReportTable
      id={id}
      caption={caption}
      columns={[
        { header: t('reports.table.title'), kind: 'text' },
        { header: t('reports.stats.n'), kind: 'count' },
        { header: t('reports.stats.noOpinion'), kind: 'count' },
        { header: t('reports.stats.mean'), kind: 'statistic' },
        { header: t('reports.stats.median'), kind: 'statistic' },
        { header: t('reports.stats.modes'), kind: 'text' },
        { header: t('reports.stats.sd'), kind: 'statistic' },
        { header: t('reports.stats.variance'), kind: 'statistic' },
        { header: t('reports.stats.acceptance'), kind: 'percent' },
        { header: t('reports.stats.targetMet'), kind: 'text' },
      ]}
      rows={rows.map(({ key, title, stats }) => ({
        key,
        cells: [
          title,
          stats.n,
          stats.noOpinion,
          stats.mean,
          stats.median,
          {
            node:
              stats.modes.length === 0
                ? '—'
                : stats.modes.map((mode) => formatStatistic(mode, language)).join(language === 'fa' ? '، ' : ', '),
            value: stats.modes.join(','),
          },
          stats.sd,
          stats.variance,
          stats.acceptance,
          {
            node: <TargetBadge met={stats.targetMet} />,
            value: stats.targetMet === null ? null : String(stats.targetMet),
          },
        ],
      }))}
      notes={[t('reports.stats.method')]}
    />
  );
}
