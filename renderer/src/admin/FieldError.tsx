import { useTranslation } from 'react-i18next';

/**
 * The words for a field's problem: the contract's own code (`text.required`,
 * `code.duplicate` …) when it has words, else zod's kind of problem (`too_small` …).
 */
export function useIssueWords(): (code: string) => string {
  const { t, i18n } = useTranslation();
  return (code) => {
    if (i18n.exists(`errors.${code}`)) return t(`errors.${code}`);
    if (i18n.exists(`admin.issues.${code}`)) return t(`admin.issues.${code}`);
    return t('errors.input.invalid');
  };
}

/** A field's problem, next to the field. */
export function FieldError({ code }: { code: string | undefined }) {
  const words = useIssueWords();
  if (!code) return null;
  return (
    <p className="error-notice" role="alert" data-field-error={code}>
      {words(code)}
    </p>
  );
}
