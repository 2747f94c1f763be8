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

/**
 * Refusals whose details name the server's internals (a permission, a role, a record): the words of
 * the code say all a reader needs, so their `reason` is never shown.
 */
const QUIET_REASONS = new Set(['TT_ERR_FORBIDDEN', 'TT_ERR_NOT_FOUND', 'TT_ERR_UNAUTHENTICATED']);

/**
 * Says what went wrong in the reader's language, by error code; a code without words of its own falls
 * back to the server's message, never to the code or a permission name. The one place errors are put
 * into words: every screen shows an API error through it (ErrorMessage, form failures).
 */
export function errorText(error: unknown, typed: TFunction): string {
  // Keys made from a code: checked against the catalogue by the completeness test, not by the type.
  const t = typed as unknown as (key: string, options?: Record<string, unknown>) => string;
  if (error instanceof ApiError) {
    const fallback =
      error.status >= 500 ? t('errors.TT_ERR_INTERNAL') : error.message || t('errors.TT_ERR_HTTP');
    const base = t(`errors.${error.code}`, { defaultValue: fallback });
    const details = error.details;
    if (!details || QUIET_REASONS.has(error.code)) return base;
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

/** An error in words; its code stays out of sight, in `data-error-code`, for support and tests. */
export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <div
      className="state state-error"
      role="alert"
      data-error-code={error instanceof ApiError ? error.code : undefined}
    >
      <p>{errorText(error, t)}</p>
      {error instanceof ApiError && error.code === 'TT_ERR_SECOND_FACTOR_REQUIRED' && (
        <p>
          <Link to="/account">{t('errors.enrolSecondFactor')}</Link>
        </p>
      )}
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
