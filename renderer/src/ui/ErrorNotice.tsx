import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../main/core/contract';

/** An error code from the core, in the reader's language. */
export function ErrorNotice({ code }: { code: ErrorCode }) {
  const { t } = useTranslation();
  return (
    <p className="error-notice" role="alert" data-error-code={code}>
      {t(`errors.${code}`)}
    </p>
  );
}
