import { lazy, Suspense } from 'react';
import type { Settings } from '../../../main/core/contract';

/*
 * The report page and its print layout are loaded when first shown: the charting library
 * is most of their weight, and the kiosk and the counter never need it.
 */
const Screen = lazy(() => import('./ReportsScreen').then((module) => ({ default: module.ReportsScreen })));
const Print = lazy(() => import('./ReportPrint').then((module) => ({ default: module.ReportPrint })));

/** The supervisor's report page, for the admin face's navigation. */
export function ReportsPage({ settings }: { settings: Settings | null }) {
  return (
    <Suspense fallback={<div className="loading" aria-busy="true" />}>
      <Screen settings={settings} />
    </Suspense>
  );
}

/** A report laid out for paper (`?face=report-print`): what the shells print as a PDF. */
export function ReportPrintPage() {
  return (
    <Suspense fallback={null}>
      <Print />
    </Suspense>
  );
}
