import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../main/core/contract';
import { errorKey } from '../ui/errorText';

/** A refusal from the core in the reader's words: the first field's own code when there are words for it. */
export function FieldError({ error }: { error: AppError }) {
  const { t, i18n } = useTranslation();
  return (
    <p className="error-notice" role="alert" data-error-code={error.details?.issues?.[0]?.code ?? error.code}>
      {t(errorKey(error, i18n))}
    </p>
  );
}
