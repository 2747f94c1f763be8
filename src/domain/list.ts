import { z } from 'zod';

/**
 * Every list the API answers: `{ items, next? }`. `next` is there only when a further page exists, and is
 * the `offset` to ask for it (same `limit`); a list that is never paged never carries it.
 */
export function listOf<T extends z.ZodType>(item: T, description?: string) {
  return z
    .strictObject({
      items: z.array(item),
      next: z.number().int().min(1).optional().describe('the offset of the next page; absent on the last'),
    })
    .describe(description ?? 'A list; `next`, when present, is the offset of the next page');
}

/**
 * A paged list that also carries the number of matches: only where a screen shows it (the actor and tie
 * lists: "n actors" beside the filters, and the pager's page count).
 */
export function countedListOf<T extends z.ZodType>(item: T, why: string) {
  return listOf(item).extend({ total: z.number().int().min(0).describe(why) });
}
