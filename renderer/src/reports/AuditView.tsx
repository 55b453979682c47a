import { useTranslation } from 'react-i18next';
import { localDigits, type AuditReport, type Language } from '../../../main/core/contract';
import { useLanguage } from '../ui/useLanguage';
import { ShareBars } from './charts';
import { formatPercent, shareOf } from './format';
import { PRINT_WIDTH, type ViewMode } from './SatisfactionView';
import { ReportTable, type Cell } from './tables';

/** A yes/no of the form; null is a cell the terminal cannot fill: left blank for a person. */
function answer(value: boolean | null, yes: string, no: string): { node: string; value: Cell } {
  return { node: value === null ? '' : value ? yes : no, value: value === null ? null : String(value) };
}

/** The audit form's tables (directive 1717668, annex 2): part 1, table 2, parts 4 and 5. */
export function AuditView({ report, mode }: { report: AuditReport; mode: ViewMode }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const a = (key: string) => t(`reports.audit.${key}`);
  const service = (row: AuditReport['part4'][number] | AuditReport['part5'][number]) => [
    row.title[language],
    localDigits(row.code, language),
    row.agency[language],
  ];
  const serviceColumns = [
    { header: a('service'), kind: 'text' as const },
    { header: a('serviceCode'), kind: 'text' as const },
    { header: a('agency'), kind: 'text' as const },
  ];
  return (
    <div className="report-view" data-report="audit">
      <section className="report-part" data-part="audit-part1">
        <ReportTable
          id="audit-part1"
          caption={a('part1')}
          columns={[
            { header: t('reports.table.title'), kind: 'text' },
            { header: a('value'), kind: 'count' },
          ]}
          rows={[
            { key: 'a', cells: [a('a'), report.a] },
            { key: 'b', cells: [a('b'), report.b] },
            { key: 'c', cells: [a('c'), report.c] },
            { key: 'd', cells: [a('d'), report.d] },
            { key: 'e', cells: [a('e'), report.e] },
            { key: 'inPersonShare', cells: [a('inPersonShare'), percentCell(report.inPersonShare, language)] },
            { key: 'electronicShare', cells: [a('electronicShare'), percentCell(report.electronicShare, language)] },
            { key: 'inactive', cells: [a('inactive'), report.inactive] },
          ]}
        />
        {report.a > 0 && (
          <ShareBars
            id="audit-shares"
            title={a('sharesChart')}
            bars={(['b', 'c', 'd', 'e'] as const).map((key) => ({
              key,
              label: a(key),
              value: shareOf(report[key], report.a),
            }))}
            width={mode.print ? PRINT_WIDTH : undefined}
          />
        )}
      </section>
      <section className="report-part" data-part="audit-table2">
        <ReportTable
          id="audit-table2"
          caption={a('table2')}
          columns={[
            { header: a('agency'), kind: 'text' },
            { header: a('services'), kind: 'count' },
            { header: a('inPerson'), kind: 'count' },
            { header: a('electronic'), kind: 'count' },
            { header: a('combined'), kind: 'count' },
            { header: a('outside'), kind: 'count' },
          ]}
          rows={report.table2.map((row) => ({
            key: row.key,
            cells: [row.label[language], row.services, row.inPerson, row.electronic, row.combined, row.outside],
          }))}
        />
      </section>
      <section className="report-part" data-part="audit-part4">
        <ReportTable
          id="audit-part4"
          caption={a('part4')}
          columns={[
            ...serviceColumns,
            { header: a('receiptWithDueDate'), kind: 'text' },
            { header: a('documentsAtFirstVisit'), kind: 'percent' },
            { header: a('surveyOffered'), kind: 'text' },
            { header: a('requests'), kind: 'count' },
            { header: a('receipts'), kind: 'count' },
            { header: a('surveyResponses'), kind: 'count' },
          ]}
          rows={report.part4.map((row) => ({
            key: row.code,
            cells: [
              ...service(row),
              answer(row.receiptWithDueDate, a('yes'), a('no')),
              row.documentsAtFirstVisit,
              answer(row.surveyOffered, a('yes'), a('no')),
              row.requests,
              row.receipts,
              row.surveyResponses,
            ],
          }))}
          notes={[a('blankNote')]}
        />
      </section>
      <section className="report-part" data-part="audit-part5">
        <ReportTable
          id="audit-part5"
          caption={a('part5')}
          columns={[
            ...serviceColumns,
            ...(
              [
                'pageAddress',
                'documentUpload',
                'electronicForms',
                'electronicDelivery',
                'trackingCode',
                'stageTracking',
                'smsOfStages',
                'electronicSurvey',
              ] as const
            ).map((key) => ({ header: a(key), kind: 'text' as const })),
          ]}
          rows={report.part5.map((row) => ({
            key: row.code,
            cells: [
              ...service(row),
              row.pageAddress ?? '',
              ...[
                row.documentUpload,
                row.electronicForms,
                row.electronicDelivery,
                row.trackingCode,
                row.stageTracking,
                row.smsOfStages,
                row.electronicSurvey,
              ].map((value) => answer(value, a('has'), a('hasNot'))),
            ],
          }))}
          notes={[a('blankNote')]}
        />
      </section>
    </div>
  );
}

/** A share in percent, with its sign. */
function percentCell(value: number | null, language: Language): { node: string; value: Cell } {
  if (value === null) return { node: '—', value: null };
  return { node: `${formatPercent(value, language)}${language === 'fa' ? '٪' : '%'}`, value };
}
