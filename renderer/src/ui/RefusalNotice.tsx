import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../main/core/contract';
import { errorKey } from './errorText';

/** A refusal from the core in the reader's words: the field's own when there is one. */
export function RefusalNotice({ error }: { error: AppError }) {
  const { t, i18n } = useTranslation();
  return (
    <p className="error-notice" role="alert" data-error-code={error.details?.issues?.[0]?.code ?? error.code}>
      {t(errorKey(error, i18n))}
    </p>
  );
}
