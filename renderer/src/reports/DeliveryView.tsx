import { useTranslation } from 'react-i18next';
import { localDigits, type DeliveryReport } from '../../../main/core/contract';
import { useLanguage } from '../ui/useLanguage';
import { ShareBars } from './charts';
import { formatCount, formatPercent, formatStatistic } from './format';
import { PRINT_WIDTH, type ViewMode } from './SatisfactionView';
import { FrequencyTable, ReportTable, type CellKind } from './tables';

type Row = DeliveryReport['groups'][number];

/**
 * On-time delivery: the headline figures (delivered, on time, mean working days, overdue
 * now), on time per group or service as bars, and the tables per group, service, agency
 * and channel.
 */
export function DeliveryView({ report, mode }: { report: DeliveryReport; mode: ViewMode }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const sign = language === 'fa' ? '٪' : '%';
  const by = report.by ? t(`reports.filters.byInSentence.${report.by}`) : null;
  const figureColumns: { header: string; kind: CellKind }[] = [
    { header: t('reports.delivery.requestsColumn'), kind: 'count' },
    { header: t('reports.delivery.deliveredColumn'), kind: 'count' },
    { header: t('reports.delivery.onTimeColumn'), kind: 'count' },
    { header: t('reports.delivery.onTimePercent'), kind: 'percent' },
    { header: t('reports.delivery.meanDaysColumn'), kind: 'statistic' },
  ];
  const figures = (row: Row) => [
    row.requests,
    row.delivered,
    row.onTime,
    row.onTimePercent,
    row.meanWorkingDaysToDeliver,
  ];
  // A bar says something only where something was delivered.
  const chartRows = (report.by ? report.groups : report.perService).filter((row) => row.delivered > 0);
  return (
    <div className="report-view" data-report="delivery">
      <div className="report-facts" data-testid="delivery-headline">
        <div className="report-fact">
          <span className="report-fact__label">{t('reports.delivery.delivered')}</span>
          <span className="report-fact__value" data-value={report.delivered}>
            {formatCount(report.delivered, language)}
          </span>
          <span className="report-fact__note">
            {t('reports.delivery.requests')}: {formatCount(report.requests, language)}
          </span>
        </div>
        <div className="report-fact">
          <span className="report-fact__label">{t('reports.delivery.onTime')}</span>
          <span className="report-fact__value" data-value={report.onTimePercent ?? ''}>
            {report.onTimePercent === null ? '—' : `${formatPercent(report.onTimePercent, language)}${sign}`}
          </span>
          <span className="report-fact__note">
            {t('reports.delivery.onTimeOf', {
              onTime: formatCount(report.onTime, language),
              delivered: formatCount(report.delivered, language),
            })}
          </span>
        </div>
        <div className="report-fact">
          <span className="report-fact__label">{t('reports.delivery.meanDays')}</span>
          <span className="report-fact__value" data-value={report.meanWorkingDaysToDeliver ?? ''}>
            {report.meanWorkingDaysToDeliver === null
              ? '—'
              : formatStatistic(report.meanWorkingDaysToDeliver, language)}
          </span>
        </div>
        <div className={`report-fact${report.overdueOpen > 0 ? ' report-fact--not-met' : ''}`}>
          <span className="report-fact__label">{t('reports.delivery.overdue')}</span>
          <span className="report-fact__value" data-value={report.overdueOpen}>
            {formatCount(report.overdueOpen, language)}
          </span>
          <span className="report-fact__note">
            {t('reports.delivery.overdueOf', { open: formatCount(report.open, language) })}
          </span>
          <span className="report-fact__note">
            {t('reports.delivery.today', { today: localDigits(report.today, language) })}
          </span>
        </div>
      </div>
      {chartRows.length > 0 && (
        <section className="report-part" data-part="delivery-chart">
          <ShareBars
            id="on-time"
            title={t('reports.delivery.onTimeChart', { by: by ?? t('reports.filters.byInSentence.service') })}
            bars={chartRows.map((row) => ({ key: row.key, label: row.label[language], value: row.onTimePercent }))}
            width={mode.print ? PRINT_WIDTH : undefined}
          />
        </section>
      )}
      <section className="report-part report-part--tables" data-part="delivery-tables">
        {by && (
          <ReportTable
            id="delivery-groups"
            caption={t('reports.delivery.byGroup', { by })}
            columns={[{ header: t('reports.satisfaction.group'), kind: 'text' }, ...figureColumns]}
            rows={report.groups.map((row) => ({ key: row.key, cells: [row.label[language], ...figures(row)] }))}
          />
        )}
        <ReportTable
          id="delivery-services"
          caption={t('reports.delivery.byService')}
          columns={[
            { header: t('reports.table.title'), kind: 'text' },
            { header: t('reports.delivery.code'), kind: 'text' },
            ...figureColumns,
            { header: t('reports.delivery.overdueColumn'), kind: 'count' },
          ]}
          rows={report.perService.map((row) => ({
            key: row.key,
            cells: [row.label[language], localDigits(row.key, language), ...figures(row), row.overdueOpen],
          }))}
        />
        <ReportTable
          id="delivery-agencies"
          caption={t('reports.delivery.byAgency')}
          columns={[
            { header: t('reports.table.title'), kind: 'text' },
            ...figureColumns,
            { header: t('reports.delivery.overdueColumn'), kind: 'count' },
          ]}
          rows={report.perAgency.map((row) => ({
            key: row.key,
            cells: [row.label[language], ...figures(row), row.overdueOpen],
          }))}
        />
        <FrequencyTable id="delivery-channels" caption={t('reports.delivery.byChannel')} rows={report.perChannel} />
      </section>
    </div>
  );
}
