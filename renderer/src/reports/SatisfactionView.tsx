import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DEMOGRAPHICS,
  localDigits,
  type SatisfactionGroup,
  type SatisfactionReport,
  type ScaleStatistics,
} from '../../../main/core/contract';
import { useLanguage } from '../ui/useLanguage';
import { LevelBars, ShareBars, StackedLevels } from './charts';
import { formatCount, formatPercent, formatStatistic, shareOf } from './format';
import { FrequencyTable, ReportTable, StatisticsTable, TargetBadge, type StatisticsRow } from './tables';

/** Paper is narrower than the screen: on paper every chart gets this fixed width (A4 less its margins). */
export const PRINT_WIDTH = 680;

export interface ViewMode {
  /** On paper: every group in full, charts at PRINT_WIDTH, each part on its own page. */
  print: boolean;
}

/** The whole questionnaire's acceptance against the target, big enough to read across the room. */
function Headline({ report, overall }: { report: SatisfactionReport; overall: ScaleStatistics | null }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const sign = language === 'fa' ? '٪' : '%';
  return (
    <div className="report-facts" data-testid="satisfaction-headline">
      <div className="report-fact">
        <span className="report-fact__label">{t('reports.summary.responses')}</span>
        <span className="report-fact__value" data-value={report.n}>
          {formatCount(report.n, language)}
        </span>
      </div>
      {overall && (
        <div className={`report-fact report-fact--acceptance report-fact--${overallState(overall)}`}>
          <span className="report-fact__label">{t('reports.summary.acceptance')}</span>
          <span className="report-fact__value" data-value={overall.acceptance ?? ''}>
            {overall.acceptance === null ? '—' : `${formatPercent(overall.acceptance, language)}${sign}`}
          </span>
          <span className="report-fact__note">
            {t('reports.summary.target', { target: formatStatistic(report.target, language) })}{' '}
            <TargetBadge met={overall.targetMet} />
          </span>
        </div>
      )}
      <div className="report-fact">
        <span className="report-fact__label">{t('reports.summary.suggestionShare')}</span>
        <span className="report-fact__value" data-value={report.suggestionShare ?? ''}>
          {report.suggestionShare === null ? '—' : `${formatPercent(report.suggestionShare, language)}${sign}`}
        </span>
        <span className="report-fact__note">
          {t('reports.summary.suggestions', { count: formatCount(report.suggestions, language) })}
        </span>
      </div>
    </div>
  );
}

function overallState(stats: ScaleStatistics): string {
  return stats.targetMet === null ? 'none' : stats.targetMet ? 'met' : 'not-met';
}

/** One group's statistics, charts and frequency tables: the seeds' report for that group. */
function GroupDetails({
  report,
  group,
  mode,
  prefix,
}: {
  report: SatisfactionReport;
  group: SatisfactionGroup;
  mode: ViewMode;
  prefix: string;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const width = mode.print ? PRINT_WIDTH : undefined;
  const scaleItems = group.items.filter((item) => item.kind === 'scale');
  const statisticsRows: StatisticsRow[] = [
    ...scaleItems.map((item) => ({ key: `item:${item.id}`, title: item.text[language], stats: item })),
    ...group.axes.map((axis) => ({
      key: `axis:${axis.id}`,
      title: t('reports.satisfaction.axis', { title: axis.title[language] }),
      stats: axis,
    })),
    ...(group.overall ? [{ key: 'overall', title: t('reports.satisfaction.whole'), stats: group.overall }] : []),
  ];
  const heading = (text: string) => (prefix ? `${prefix} — ${text}` : text);
  const levels = scaleItems[0]?.frequencies.map((row) => row.label[language]) ?? [];
  const sameScale = scaleItems.every((item) => item.frequencies.length === levels.length);
  return (
    <>
      <section className="report-part" data-part={`charts:${group.key}`}>
        <ShareBars
          id={`acceptance-axes:${group.key}`}
          title={heading(t('reports.satisfaction.acceptanceByAxis'))}
          bars={group.axes.map((axis) => ({
            key: axis.id,
            label: axis.title[language],
            value: axis.acceptance,
            met: axis.targetMet,
          }))}
          target={report.target}
          width={width}
        />
        {scaleItems.length > 0 && sameScale && (
          <StackedLevels
            id={`items:${group.key}`}
            title={heading(t('reports.satisfaction.itemsChart'))}
            levels={levels}
            items={scaleItems.map((item, i) => ({
              key: item.id,
              label: `${localDigits(i + 1, language)}. ${item.text[language]}`,
              percents: item.frequencies.map((row) => row.percent),
            }))}
            width={width}
            labelWidth={mode.print ? 280 : 380}
          />
        )}
      </section>
      <section className="report-part report-part--tables" data-part={`statistics:${group.key}`}>
        <StatisticsTable
          id={`statistics:${group.key}`}
          caption={heading(t('reports.satisfaction.statistics'))}
          rows={statisticsRows}
        />
      </section>
      <section className="report-part report-part--grid" data-part={`items:${group.key}`}>
        <h3 className="report-part__title">{heading(t('reports.satisfaction.items'))}</h3>
        {group.items.map((item) => (
          <div className="report-pair" key={item.id}>
            <FrequencyTable id={`item:${group.key}:${item.id}`} caption={item.text[language]} rows={item.frequencies} />
            <LevelBars
              id={`item:${group.key}:${item.id}`}
              title={item.text[language]}
              rows={item.frequencies}
              ordered={item.kind === 'scale'}
              width={mode.print ? PRINT_WIDTH / 2 : undefined}
            />
          </div>
        ))}
      </section>
      <section className="report-part report-part--grid" data-part={`axes-tables:${group.key}`}>
        <h3 className="report-part__title">{heading(t('reports.satisfaction.axes'))}</h3>
        {group.axes.map((axis) => (
          <FrequencyTable
            key={axis.id}
            id={`axis:${group.key}:${axis.id}`}
            caption={t('reports.satisfaction.axis', { title: axis.title[language] })}
            rows={axis.frequencies}
          />
        ))}
        {group.overall && (
          <FrequencyTable
            id={`overall:${group.key}`}
            caption={t('reports.satisfaction.whole')}
            rows={group.overall.frequencies}
          />
        )}
      </section>
    </>
  );
}

/** The groups side by side: how many answered and how the whole questionnaire fared in each. */
function GroupComparison({ report, mode }: { report: SatisfactionReport; mode: ViewMode }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const by = report.by ? t(`reports.filters.byInSentence.${report.by}`) : '';
  return (
    <section className="report-part" data-part="groups">
      <ShareBars
        id="acceptance-groups"
        title={t('reports.satisfaction.acceptanceByGroup', { by })}
        bars={report.groups.map((group) => ({
          key: group.key,
          label: group.label[language],
          value: group.overall?.acceptance ?? null,
          met: group.overall?.targetMet ?? null,
        }))}
        target={report.target}
        width={mode.print ? PRINT_WIDTH : undefined}
      />
      <ReportTable
        id="groups"
        caption={t('reports.satisfaction.groupsTable')}
        columns={[
          { header: t('reports.satisfaction.group'), kind: 'text' },
          { header: t('reports.summary.responses'), kind: 'count' },
          ...(report.groups[0]?.axes ?? []).map((axis) => ({ header: axis.title[language], kind: 'percent' as const })),
          { header: t('reports.satisfaction.whole'), kind: 'percent' },
          { header: t('reports.stats.targetMet'), kind: 'text' },
        ]}
        rows={report.groups.map((group) => ({
          key: group.key,
          cells: [
            group.label[language],
            group.n,
            ...group.axes.map((axis) => axis.acceptance),
            group.overall?.acceptance ?? null,
            {
              node: <TargetBadge met={group.overall?.targetMet ?? null} />,
              value: String(group.overall?.targetMet ?? ''),
            },
          ],
        }))}
      />
    </section>
  );
}

/** Who answered (seed 000's tables), the services the answers are about, and the suggestions. */
function Respondents({ report }: { report: SatisfactionReport }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const suggestions = [
    { value: 'yes', label: words(t, 'reports.satisfaction.withSuggestion'), count: report.suggestions },
    { value: 'no', label: words(t, 'reports.satisfaction.withoutSuggestion'), count: report.n - report.suggestions },
  ].map((row, i, all) => {
    const cumulative = all.slice(0, i + 1).reduce((sum, r) => sum + r.count, 0);
    return {
      ...row,
      percent: shareOf(row.count, report.n) ?? 0,
      cumulativePercent: shareOf(cumulative, report.n) ?? 0,
    };
  });
  return (
    <section className="report-part report-part--grid" data-part="respondents">
      <h3 className="report-part__title">{t('reports.satisfaction.demographics')}</h3>
      <FrequencyTable id="services" caption={t('reports.satisfaction.services')} rows={report.services} />
      {DEMOGRAPHICS.map((name) => (
        <div key={name}>
          <FrequencyTable
            id={`demographic:${name}`}
            caption={t(`reports.satisfaction.demographic.${name}`)}
            rows={report.demographics[name]}
          />
          {report.demographicsNotStated[name] > 0 && (
            <p className="report-table__note">
              {t('reports.satisfaction.notStated', {
                count: formatCount(report.demographicsNotStated[name], language),
              })}
            </p>
          )}
        </div>
      ))}
      <FrequencyTable id="suggestions" caption={t('reports.satisfaction.suggestions')} rows={suggestions} />
    </section>
  );
}

/** The suggestions table's two rows are the page's words, not the core's: both languages are at hand. */
function words(t: (key: string, options: { lng: string }) => string, key: string) {
  return { fa: t(key, { lng: 'fa' }), en: t(key, { lng: 'en' }) };
}

/**
 * The satisfaction report: the headline figures, the groups compared when grouped, then a
 * group's statistics, charts and tables (on screen the one chosen; on paper every one),
 * and who answered.
 */
export function SatisfactionView({ report, mode }: { report: SatisfactionReport; mode: ViewMode }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [chosen, setChosen] = useState(0);
  const grouped = report.by !== null;
  const single = report.groups.length === 1 && !grouped ? report.groups[0] : undefined;
  const shown = mode.print ? report.groups : report.groups.slice(chosen, chosen + 1);
  return (
    <div className="report-view" data-report="satisfaction">
      <Headline report={report} overall={single?.overall ?? null} />
      {grouped && <GroupComparison report={report} mode={mode} />}
      {grouped && !mode.print && report.groups.length > 0 && (
        <div className="field report-group-picker">
          <label htmlFor="report-group">{t('reports.satisfaction.showGroup')}</label>
          <select id="report-group" value={chosen} onChange={(event) => setChosen(Number(event.target.value))}>
            {report.groups.map((group, i) => (
              <option key={group.key} value={i}>
                {group.label[language]} ({formatCount(group.n, language)})
              </option>
            ))}
          </select>
        </div>
      )}
      {shown.map((group) => (
        <GroupDetails
          key={group.key}
          report={report}
          group={group}
          mode={mode}
          prefix={grouped ? group.label[language] : ''}
        />
      ))}
      <Respondents report={report} />
    </div>
  );
}
