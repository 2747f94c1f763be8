import { z } from 'zod';
import { languageCodeSchema } from './language-code.js';
import { idSchema, isoTimestampSchema } from './scalars.js';

/**
 * Join links of a dialogue. The open link is for a room: anybody holding it joins without an account, as
 * a new anonymous participant each time. A personal link is for one named invitee: it makes one
 * participant, once. Either can be revoked; a revoked link is refused with TT_ERR_JOIN_LINK_REVOKED.
 */
export const joinLinkKinds = ['open', 'personal'] as const;
export type JoinLinkKind = (typeof joinLinkKinds)[number];

/**
 * Where a join link leads in the web app: the light participant page (/p/, hash-routed, so the code never
 * reaches a server log). Older links at the root (`/#/join/…`) are forwarded there by the web app.
 */
export function joinPath(code: string): string {
  return `/p/#/join/${code}`;
}

export const joinLabelSchema = z.string().trim().min(1).max(100);

/** What a convener asks for: the open link (a new one replaces the old), or personal links. */
export const joinLinkCreateSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('open') }),
  z
    .strictObject({
      kind: z.literal('personal'),
      count: z.number().int().min(1).max(500).optional(),
      /** One link per label (a pseudonym the convener knows the invitee by). */
      labels: z.array(joinLabelSchema).min(1).max(500).optional(),
    })
    .superRefine((value, ctx) => {
      if ((value.count === undefined) === (value.labels === undefined)) {
        ctx.addIssue({ code: 'custom', path: ['count'], message: 'give either count or labels' });
      }
    }),
]);
export type JoinLinkCreate = z.infer<typeof joinLinkCreateSchema>;

export const joinLinkSchema = z.strictObject({
  id: idSchema,
  dialogue_id: idSchema,
  kind: z.enum(joinLinkKinds),
  label: z.string().nullable(),
  /** The link (relative to the server's address): always for the open link, for a personal one only when made. */
  url: z.string().nullable(),
  /** Personal links: whether somebody has joined by it. */
  used: z.boolean(),
  created_at: isoTimestampSchema,
  revoked_at: isoTimestampSchema.nullable(),
});
export type JoinLink = z.infer<typeof joinLinkSchema>;

/** What a join link opens before joining: the dialogue's question and the sides one may declare. */
export const joinInfoSchema = z.strictObject({
  dialogue_id: idSchema,
  kind: z.enum(joinLinkKinds),
  prompt: z.string(),
  status: z.enum(['open', 'closed']),
  divide: z
    .strictObject({
      id: idSchema,
      name: z.string(),
      groups: z.array(z.strictObject({ id: idSchema, name: z.string() })),
    })
    .nullable(),
});
export type JoinInfo = z.infer<typeof joinInfoSchema>;

export const joinByLinkSchema = z.strictObject({
  group_id: idSchema.nullable().default(null),
  /** The language the participant reads in (counted for participation by language). */
  language: languageCodeSchema.nullable().default(null),
});

/** A participant made by a join link: their number and token (kept on their device only). */
export const joinedByLinkSchema = z.strictObject({
  dialogue_id: idSchema,
  participant: z.number().int().min(0),
  token: z.string(),
  group_id: idSchema.nullable(),
});
export type JoinedByLink = z.infer<typeof joinedByLinkSchema>;
