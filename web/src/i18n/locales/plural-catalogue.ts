/** The plural suffixes of CLDR (and of i18next) beside English's `_one` and the bare key. */
export type PluralSuffix = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';

type PluralBase<K> = K extends `${infer Base}_one` ? Base : never;

/**
 * A complete catalogue shaped like `T` (English): every key present, each a string, plus any of the
 * plural forms a language needs (Arabic six, Hebrew three) for each key English has a `_one` form of.
 */
export type PluralCatalogue<T> = {
  [K in keyof T]: T[K] extends string ? string : PluralCatalogue<T[K]>;
} & { [K in PluralBase<keyof T> as `${K & string}_${PluralSuffix}`]?: string };
