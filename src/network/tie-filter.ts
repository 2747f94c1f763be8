import { TrackTwoError } from '../domain/errors.js';
import type { TieRow } from './network-input.js';

/** Which ties make the network under study. */
export interface TieFilter {
  /** Keep only ties of these kinds (e.g. ['trusts', 'knows']); all kinds when absent. */
  kinds?: string[];
  /** The network "as of" this date: ties started on or before it and not ended before it. */
  asOf?: string;
  /** Keep ties that held at some time within [from, to]. */
  from?: string;
  to?: string;
  /** Leave out ties whose confidence is below this (ties without a confidence are kept). */
  minConfidence?: number;
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

function checkDate(value: string | null | undefined, field: string): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (!isoDate.test(value) || Number.isNaN(Date.parse(value))) {
    throw new TrackTwoError('TT_ERR_NETWORK_BAD_DATE', { field, reason: `"${value}"` });
  }
  return value;
}

/** Ties that pass the filter, in input order. ISO dates compare correctly as strings. */
export function filterTies<T extends TieRow>(ties: T[], filter: TieFilter = {}): T[] {
  const kinds = filter.kinds && filter.kinds.length > 0 ? new Set(filter.kinds) : null;
  const asOf = checkDate(filter.asOf, 'asOf');
  const from = checkDate(filter.from, 'from');
  const to = checkDate(filter.to, 'to');
  return ties.filter((tie, position) => {
    if (kinds && !kinds.has(String(tie.kind ?? ''))) return false;
    if (
      filter.minConfidence !== undefined &&
      tie.confidence !== undefined &&
      tie.confidence !== null &&
      tie.confidence < filter.minConfidence
    ) {
      return false;
    }
    const start = checkDate(tie.startDate, `ties[${position}].startDate`);
    const end = checkDate(tie.endDate, `ties[${position}].endDate`);
    if (asOf !== null && ((start !== null && start > asOf) || (end !== null && end < asOf))) return false;
    if (from !== null && end !== null && end < from) return false;
    if (to !== null && start !== null && start > to) return false;
    return true;
  });
}
