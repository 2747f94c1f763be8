import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cellSize,
  coarsenPlace,
  coarsestPrecision,
  decimalPlaces,
  locationPrecisions,
  type LocationPrecision,
} from '../../src/domain/location-precision.js';

const places: Record<LocationPrecision, number | null> = { area: null, '1': 0, '0.1': 1, '0.01': 2 };

const latitude = fc.double({ min: -90, max: 90, noNaN: true });
const longitude = fc.double({ min: -180, max: 180, noNaN: true });
const precision = fc.constantFrom(...locationPrecisions);
const area = fc.option(fc.string({ minLength: 1, maxLength: 20 }), { nil: null });

describe('coarsenPlace', () => {
  it('never stores finer than the precision allows, and stays in the input’s cell', () => {
    fc.assert(
      fc.property(latitude, longitude, precision, area, (lat, lon, p, a) => {
        const out = coarsenPlace({ area: a, latitude: lat, longitude: lon }, p);
        expect(out.area).toBe(a);
        const keep = places[p];
        if (keep === null) {
          expect(out.latitude).toBeNull();
          expect(out.longitude).toBeNull();
          return;
        }
        const size = cellSize(p)!;
        for (const [given, stored] of [
          [lat, out.latitude!],
          [lon, out.longitude!],
        ]) {
          expect(decimalPlaces(stored)).toBeLessThanOrEqual(keep);
          // The cell of a rounded value is [stored - size/2, stored + size/2]; a hair for binary fractions.
          expect(Math.abs(stored - given)).toBeLessThanOrEqual(size / 2 + 1e-9);
        }
        expect(Math.abs(out.latitude!)).toBeLessThanOrEqual(90);
        expect(Math.abs(out.longitude!)).toBeLessThanOrEqual(180);
      }),
      { numRuns: 5_000 },
    );
  });

  it('is idempotent, and coarsening twice is coarsening once to the coarser precision', () => {
    fc.assert(
      fc.property(latitude, longitude, precision, precision, (lat, lon, p, q) => {
        const once = coarsenPlace({ area: null, latitude: lat, longitude: lon }, p);
        expect(coarsenPlace(once, p)).toEqual(once);
        const coarser = coarsestPrecision([p, q]);
        const twice = coarsenPlace(coarsenPlace(once, q), coarsestPrecision([p, q]));
        expect(decimalPlaces(twice.latitude ?? 0)).toBeLessThanOrEqual(places[coarser] ?? 0);
      }),
      { numRuns: 5_000 },
    );
  });

  it('drops half a coordinate, and rounds worked examples as a person would', () => {
    expect(coarsenPlace({ area: 'Kassala', latitude: 15.4519, longitude: null }, '0.01')).toEqual({
      area: 'Kassala',
      latitude: null,
      longitude: null,
    });
    expect(coarsenPlace({ area: null, latitude: 15.4519, longitude: 36.4007 }, '0.1')).toEqual({
      area: null,
      latitude: 15.5,
      longitude: 36.4,
    });
    expect(coarsenPlace({ area: null, latitude: -0.04, longitude: 0.3333 }, '0.1')).toEqual({
      area: null,
      latitude: 0,
      longitude: 0.3,
    });
    expect(coarsenPlace({ area: null, latitude: 15.4519, longitude: 36.4007 }, '1')).toEqual({
      area: null,
      latitude: 15,
      longitude: 36,
    });
    expect(coarsestPrecision([])).toBe('area');
    expect(coarsestPrecision(['0.01', '1', '0.1'])).toBe('1');
  });
});
