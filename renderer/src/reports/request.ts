import type {
  AppError,
  AuditInput,
  AuditReport,
  DeliveryInput,
  DeliveryReport,
  ReportGrouping,
  SatisfactionInput,
  SatisfactionReport,
} from '../../../main/core/contract';
import { invoke } from '../api';

export const REPORT_KINDS = ['satisfaction', 'delivery', 'audit'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** What the person chose on the page, as the channels take it (Latin digits, padded dates). */
export interface ReportFilters {
  from?: string;
  to?: string;
  by?: ReportGrouping;
  questionnaire: string;
  service?: string;
  agency?: string;
  target?: number;
}

export type ReportInput<K extends ReportKind> = K extends 'satisfaction'
  ? SatisfactionInput
  : K extends 'delivery'
    ? DeliveryInput
    : AuditInput;

export type ReportOf<K extends ReportKind> = K extends 'satisfaction'
  ? SatisfactionReport
  : K extends 'delivery'
    ? DeliveryReport
    : AuditReport;

/** Each report takes the filters that apply to it: the audit form has no grouping, only satisfaction a questionnaire. */
export function inputOf<K extends ReportKind>(kind: K, filters: ReportFilters): ReportInput<K> {
  const range = {
    ...(filters.from ? { from: filters.from } : {}),
    ...(filters.to ? { to: filters.to } : {}),
    ...(filters.service ? { service: filters.service } : {}),
    ...(filters.agency ? { agency: filters.agency } : {}),
  };
  const by = filters.by ? { by: filters.by } : {};
  if (kind === 'satisfaction') {
    const target = filters.target === undefined ? {} : { target: filters.target };
    return { questionnaire: filters.questionnaire, ...range, ...by, ...target } as ReportInput<K>;
  }
  return (kind === 'delivery' ? { ...range, ...by } : range) as ReportInput<K>;
}

/** A report with its kind, as the page holds it once the channel has answered. */
export type Loaded = { [K in ReportKind]: { kind: K; report: ReportOf<K> } }[ReportKind];

/** One report through its channel: the figures are the core's, computed in its worker thread. */
export async function fetchReport<K extends ReportKind>(
  kind: K,
  input: ReportInput<K>,
): Promise<{ ok: true; loaded: Loaded } | { ok: false; error: AppError }> {
  const result =
    kind === 'satisfaction'
      ? await invoke('reports.satisfaction', input as SatisfactionInput)
      : kind === 'delivery'
        ? await invoke('reports.delivery', input as DeliveryInput)
        : await invoke('reports.audit', input as AuditInput);
  return result.ok ? { ok: true, loaded: { kind, report: result.value } as Loaded } : result;
}
