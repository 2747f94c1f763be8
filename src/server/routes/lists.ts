import type { PageOf } from '../../domain/scalars.js';

/** The API's one list shape: `next` (the following page's offset) only when there is one. */
export function pageAnswer<T>(page: PageOf<T>): { items: T[]; next?: number } {
  const next = page.offset + page.items.length;
  return next < page.total && page.items.length > 0 ? { items: page.items, next } : { items: page.items };
}

/** A page that also says how many match, for the lists whose screens show the count. */
export function countedPageAnswer<T>(page: PageOf<T>): { items: T[]; next?: number; total: number } {
  return { ...pageAnswer(page), total: page.total };
}
