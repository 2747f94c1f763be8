/**
 * Location coarsening (zod-free: the web app imports it to show the precision a form will apply). A place
 * is an administrative area (a name, such as a district or a city) and, optionally, coordinates. An
 * initiative allows one precision; nothing is stored finer than that:
 *
 * - `area`: the administrative area only; coordinates are dropped;
 * - `1`, `0.1`, `0.01`: coordinates rounded to the nearest multiple of 1° (about 111 km), 0.1° (about
 *   11 km) or 0.01° (about 1.1 km). The area is kept.
 */
export const locationPrecisions = ['area', '1', '0.1', '0.01'] as const;
export type LocationPrecision = (typeof locationPrecisions)[number];

/** Until an initiative chooses, coordinates are not kept at all (do no harm). */
export const defaultLocationPrecision: LocationPrecision = 'area';

/** Decimal places each precision keeps; `area` keeps no coordinates. */
const decimals: Record<LocationPrecision, number | null> = { area: null, '1': 0, '0.1': 1, '0.01': 2 };

export interface Place {
  /** The administrative area (a meeting's place, an actor's region). */
  area: string | null;
  latitude: number | null;
  longitude: number | null;
}

export function isLocationPrecision(value: unknown): value is LocationPrecision {
  return typeof value === 'string' && (locationPrecisions as readonly string[]).includes(value);
}

/** Whether `a` is coarser than or as coarse as `b`. */
export function atMostAsFine(a: LocationPrecision, b: LocationPrecision): boolean {
  return locationPrecisions.indexOf(a) <= locationPrecisions.indexOf(b);
}

/** The coarsest of several precisions (the one every initiative allows); the default when there are none. */
export function coarsestPrecision(precisions: readonly LocationPrecision[]): LocationPrecision {
  if (precisions.length === 0) return defaultLocationPrecision;
  return precisions.reduce((coarsest, p) => (atMostAsFine(p, coarsest) ? p : coarsest));
}

/** The size of a cell in degrees; null for `area`. */
export function cellSize(precision: LocationPrecision): number | null {
  const places = decimals[precision];
  return places === null ? null : 10 ** -places;
}

function roundTo(value: number, places: number): number {
  const factor = 10 ** places;
  // Dividing an integer by a power of ten gives the nearest double to the decimal: 0.3, not 0.30000000000000004.
  const rounded = Math.round(value * factor) / factor;
  return rounded === 0 ? 0 : rounded; // no -0
}

/**
 * The place as the precision allows it: coordinates rounded to the centre of their cell, or dropped for
 * `area` (and both dropped when only one of them is given: half a coordinate names no place). Idempotent.
 */
export function coarsenPlace(place: Place, precision: LocationPrecision): Place {
  const places = decimals[precision];
  if (places === null || place.latitude === null || place.longitude === null) {
    return { area: place.area, latitude: null, longitude: null };
  }
  return {
    area: place.area,
    latitude: roundTo(place.latitude, places),
    longitude: roundTo(place.longitude, places),
  };
}

/** How many decimal places a coordinate carries (for checks: a stored value never has more than allowed). */
export function decimalPlaces(value: number): number {
  for (let places = 0; places <= 12; places += 1) {
    if (roundTo(value, places) === value) return places;
  }
  return Infinity;
}
