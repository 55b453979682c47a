import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { printerCanPrint, type PrinterState as State } from '../../../main/core/contract';
import { onEvent } from '../api';
import { useCall } from '../auth/session';

/** The receipt printer's state in the counter's bar: the clerk knows before promising a receipt. */
export function PrinterState() {
  const { t } = useTranslation();
  const call = useCall();
  const [state, setState] = useState<State | null>(null);
  useEffect(() => {
    void call('printer.status', {}).then((result) => result.ok && setState(result.value.state));
    return onEvent((event) => event.type === 'printer.status' && setState(event.state));
  }, [call]);
  if (!state) return null;
  return (
    <span className="counter__printer" data-testid="printer-state" data-ok={printerCanPrint(state) || undefined}>
      {t('health.printer')}: {t(`health.printerStatus.${state}`)}
    </span>
  );
}
