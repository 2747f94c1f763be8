import { z } from 'zod';
import { dateOrderIssue } from './date-order.js';
import type { RuleIssue } from './rule-issue.js';

/** Shared field shapes: every record uses these so limits are the same at every door. */

export const idSchema = z.uuid();
export type Id = z.infer<typeof idSchema>;

/** `YYYY-MM-DD`, a real calendar day. */
export const isoDateSchema = z.iso.date();
/** ISO 8601 in UTC with milliseconds, as `new Date().toISOString()` writes it. */
export const isoTimestampSchema = z.iso.datetime();

export const nameSchema = z.string().trim().min(1).max(200);
export const titleSchema = z.string().trim().min(1).max(200);
export const longTextSchema = z.string().trim().max(10_000);
export const noteSchema = z.string().trim().max(2_000);
/** A coarse place (city or region), never an address: a precise place can endanger attendees. */
export const placeSchema = z.string().trim().min(1).max(120);
export const regionSchema = z.string().trim().min(1).max(120);
/** Decimal degrees (WGS 84); stored no finer than the initiative's location precision allows. */
export const latitudeSchema = z.number().finite().min(-90).max(90);
export const longitudeSchema = z.number().finite().min(-180).max(180);

/** Coordinates come in pairs: half a coordinate names no place. */
export function checkCoordinatePair(
  value: { latitude?: number | null; longitude?: number | null },
  ctx: z.RefinementCtx,
): void {
  const hasLat = value.latitude !== undefined && value.latitude !== null;
  const hasLon = value.longitude !== undefined && value.longitude !== null;
  if (hasLat !== hasLon) {
    ctx.addIssue({
      code: 'custom',
      path: [hasLat ? 'longitude' : 'latitude'],
      message: 'give latitude and longitude together (or neither)',
    });
  }
}
export const colorSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour as #rrggbb');
export const strengthSchema = z.number().int().min(1).max(5);
export const confidenceSchema = z.number().min(0).max(1);
export const shareSchema = z.number().min(0).max(1);
export const moneySchema = z.number().finite().min(0).max(1e12);

/** Query-string paging: numbers arrive as text from URLs, hence the coercion. */
export const pageSchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type Page = z.infer<typeof pageSchema>;

export interface PageOf<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

/** Adds an issue on `toField` when a date range runs backwards (see dateOrderIssue); for zod's superRefine. */
export function checkDateOrder(
  value: Record<string, unknown>,
  ctx: z.RefinementCtx,
  fromField: string,
  toField: string,
): void {
  addRuleIssue(ctx, dateOrderIssue(value, fromField, toField));
}

/** Reports a pure check's issue, if any, as a zod issue on its field. */
export function addRuleIssue(ctx: z.RefinementCtx, issue: RuleIssue | undefined): void {
  if (issue) ctx.addIssue({ code: 'custom', path: [issue.field], message: issue.reason });
}

/**
 * Adds an issue at `path(index)` on every entry whose key an earlier entry already has (the first of
 * each key passes); for zod's superRefine. An absent list (a patch that leaves it alone) passes.
 */
export function checkUnique<T>(
  items: readonly T[] | undefined,
  keyOf: (item: T) => string,
  ctx: z.RefinementCtx,
  path: (index: number) => (string | number)[],
  message: string,
): void {
  const seen = new Set<string>();
  (items ?? []).forEach((item, index) => {
    const key = keyOf(item);
    if (seen.has(key)) ctx.addIssue({ code: 'custom', path: path(index), message });
    seen.add(key);
  });
}

/** A patch must change something: an empty body is a mistake, not a no-op. */
export function checkNotEmpty(value: Record<string, unknown>, ctx: z.RefinementCtx): void {
  if (Object.keys(value).length === 0) {
    ctx.addIssue({ code: 'custom', path: [], message: 'name at least one field to change' });
  }
}
