import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.js';
import { Link } from '../router.js';
import type { Resource } from '../use-resource.js';

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('common.loading')}
    </p>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="state state-empty">{children}</p>;
}

/** Says what went wrong in the reader's language; falls back to the server's own words. */
export function errorText(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    const base = t(`errors.${error.code}`, { defaultValue: error.message });
    const details = error.details;
    if (!details) return base;
    const where: string[] = [];
    if (details.row !== undefined) where.push(t('errors.where.row', { row: details.row }));
    if (details.column !== undefined) where.push(t('errors.where.column', { column: details.column }));
    if (details.field !== undefined) where.push(t('errors.where.field', { field: details.field }));
    const place = where.length ? ` (${where.join(', ')})` : '';
    const reason = typeof details.reason === 'string' ? `: ${details.reason}` : '';
    return `${base}${place}${reason}`;
  }
  if (error instanceof Error) return error.message;
  return t('errors.TT_ERR_INTERNAL');
}

export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="state state-error" role="alert">
      <p>{errorText(error, t)}</p>
      {error instanceof ApiError && error.code === 'TT_ERR_SECOND_FACTOR_REQUIRED' && (
        <p>
          <Link to="/account">{t('errors.enrolSecondFactor')}</Link>
        </p>
      )}
      {error instanceof ApiError && <p className="error-code">{error.code}</p>}
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

/** Renders a resource's loading and error states, and the children once it is ready. */
export function Loaded<T>({
  resource,
  children,
}: {
  resource: Resource<T>;
  children: (data: T) => ReactNode;
}) {
  if (resource.state === 'loading') return <Loading />;
  if (resource.state === 'error') return <ErrorMessage error={resource.error} onRetry={resource.reload} />;
  return <>{children(resource.data)}</>;
}
