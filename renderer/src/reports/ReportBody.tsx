import { useTranslation } from 'react-i18next';
import { formatJalaliDate, localDigits, type SatisfactionReport } from '../../../main/core/contract';
import { useLanguage } from '../ui/useLanguage';
import { AuditView } from './AuditView';
import { DeliveryView } from './DeliveryView';
import type { ReportKind, ReportOf } from './request';
import { SatisfactionView, type ViewMode } from './SatisfactionView';

/** What the report is, for whom and over which days: the first lines on screen and on paper. */
export function ReportHeading<K extends ReportKind>({
  kind,
  report,
  office,
  printedAt,
}: {
  kind: K;
  report: ReportOf<K>;
  office?: string;
  printedAt?: Date;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const day = (value: string | null, open: string) => (value === null ? t(open) : localDigits(value, language));
  const range =
    report.from === null && report.to === null
      ? t('reports.heading.rangeOpen')
      : t('reports.heading.range', {
          from: day(report.from, 'reports.heading.start'),
          to: day(report.to, 'reports.heading.now'),
        });
  const by = 'by' in report && report.by ? t(`reports.filters.byInSentence.${report.by}`) : null;
  const questionnaire = kind === 'satisfaction' ? (report as SatisfactionReport).questionnaire : null;
  return (
    <header className="report-heading">
      {office && <p className="report-heading__office">{office}</p>}
      <h2 className="report-heading__title">{t(`reports.heading.${kind}`)}</h2>
      <p className="report-heading__facts">
        {questionnaire && <span>{questionnaire.title[language]}</span>}
        <span>{range}</span>
        {by && <span>{t('reports.heading.by', { by })}</span>}
        {printedAt && <span>{t('reports.heading.printedAt', { when: formatJalaliDate(printedAt, language) })}</span>}
      </p>
    </header>
  );
}

/** The figures of one report, laid out for the screen or for paper. */
export function ReportBody<K extends ReportKind>({
  kind,
  report,
  mode,
}: {
  kind: K;
  report: ReportOf<K>;
  mode: ViewMode;
}) {
  switch (kind) {
    case 'satisfaction':
      return <SatisfactionView report={report as ReportOf<'satisfaction'>} mode={mode} />;
    case 'delivery':
      return <DeliveryView report={report as ReportOf<'delivery'>} mode={mode} />;
    default:
      return <AuditView report={report as ReportOf<'audit'>} mode={mode} />;
  }
}
