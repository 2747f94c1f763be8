/**
 * The API writes every field in snake_case, while the pure cores (evaluation, network) name theirs in
 * camelCase as TypeScript does. Services turn a core's result round once, here, on its way out.
 */

type SnakeCase<S extends string> = S extends `${infer Head}${infer Tail}`
  ? `${Head extends Lowercase<Head> ? Head : `_${Lowercase<Head>}`}${SnakeCase<Tail>}`
  : S;

/** A value with every field name in snake_case (data keys of a record, typed `string`, stay as they are). */
export type SnakeKeys<T> = T extends readonly (infer Item)[]
  ? SnakeKeys<Item>[]
  : T extends object
    ? { [K in keyof T as K extends string ? SnakeCase<K> : K]: SnakeKeys<T[K]> }
    : T;

/** Field names are identifiers that start lower-case; anything else (an id, a pseudonym, a label) is data. */
const fieldName = /^[a-z][a-zA-Z0-9]*$/;

/** A field name in snake_case (`asOf` -> `as_of`); anything that is not a field name is left as it is. */
export function snakeName(key: string): string {
  return fieldName.test(key) ? key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`) : key;
}

export function snakeKeys<T>(value: T): SnakeKeys<T> {
  if (Array.isArray(value)) return value.map((item: unknown) => snakeKeys(item)) as SnakeKeys<T>;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [snakeName(key), snakeKeys(item)]),
    ) as SnakeKeys<T>;
  }
  return value as SnakeKeys<T>;
}
