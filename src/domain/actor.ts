import { z } from 'zod';
import {
  checkNotEmpty,
  checkUnique,
  idSchema,
  isoTimestampSchema,
  pageSchema,
  regionSchema,
  latitudeSchema,
  longitudeSchema,
  checkCoordinatePair,
} from './scalars.js';
import { identitySchema, type Identity } from './identity.js';
import { actorKindSchema, actorRoleSchema, genderSchema, trackSchema } from './vocabulary.js';

/** One group per divide: the store's key (actor_id, divide_id) enforces it too. */
export const actorGroupSchema = z.strictObject({
  divide_id: idSchema,
  group_id: idSchema,
});
export type ActorGroup = z.infer<typeof actorGroupSchema>;

/** `A-` and six characters from an alphabet without look-alikes (no 0/O, 1/I/L). */
export const pseudonymSchema = z.string().regex(/^A-[2-9A-HJKMNP-Z]{6}$/, 'a pseudonym such as A-7K3F9Q');

/**
 * The pseudonymous record. Names, contacts and notes are never here: they live in the identity
 * vault (security), keyed by the actor id.
 */
export const actorSchema = z.strictObject({
  id: idSchema,
  workspace_id: idSchema,
  conflict_id: idSchema,
  pseudonym: pseudonymSchema,
  kind: actorKindSchema,
  role: actorRoleSchema,
  track: trackSchema,
  gender: genderSchema.nullable(),
  region: regionSchema.nullable(),
  /** Optional coordinates, no finer than the initiatives of the actor's conflict allow. */
  latitude: latitudeSchema.nullable(),
  longitude: longitudeSchema.nullable(),
  groups: z.array(actorGroupSchema),
  created_at: isoTimestampSchema,
  updated_at: isoTimestampSchema,
  erased_at: isoTimestampSchema.nullable(),
});
export type Actor = z.infer<typeof actorSchema>;

/**
 * An actor in a list or search: the pseudonymous record, and its first name from the vault for a caller
 * who may see names (`actors.names`); for anyone else the field is absent, never null or empty.
 */
export const actorListItemSchema = actorSchema.extend({
  name: z.string().optional(),
});
export type ActorListItem = z.infer<typeof actorListItemSchema>;

/** What the vault encrypts (names, contacts as `{kind, value}`, notes): the vault's own schema. */
export const actorIdentitySchema = identitySchema;
export type ActorIdentity = Identity;

function checkGroupsOnePerDivide(groups: readonly ActorGroup[] | undefined, ctx: z.RefinementCtx): void {
  checkUnique(
    groups,
    (membership) => membership.divide_id,
    ctx,
    (index) => ['groups', index, 'divide_id'],
    'an actor belongs to at most one group per divide',
  );
}

/** Organisations have no gender; persons always carry one (`undisclosed` when unknown). */
function checkGenderForKind(
  value: { kind?: string; gender?: string | null },
  ctx: z.RefinementCtx,
  whole: boolean,
): void {
  if (value.kind === 'organisation' && value.gender != null) {
    ctx.addIssue({ code: 'custom', path: ['gender'], message: 'an organisation has no gender' });
  }
  if (whole && value.kind === 'person' && value.gender == null) {
    ctx.addIssue({ code: 'custom', path: ['gender'], message: 'a person needs a gender (or "undisclosed")' });
  }
}

export const actorCreateSchema = z
  .strictObject({
    workspace_id: idSchema,
    conflict_id: idSchema,
    kind: actorKindSchema.default('person'),
    role: actorRoleSchema,
    track: trackSchema,
    gender: genderSchema.nullable().optional(),
    region: regionSchema.nullable().default(null),
    latitude: latitudeSchema.nullable().optional(),
    longitude: longitudeSchema.nullable().optional(),
    groups: z.array(actorGroupSchema).max(20).default([]),
    identity: actorIdentitySchema.optional(),
  })
  .transform((value) => ({
    ...value,
    gender: value.gender === undefined ? (value.kind === 'person' ? 'undisclosed' : null) : value.gender,
  }))
  .superRefine((value, ctx) => {
    checkGenderForKind(value, ctx, true);
    checkGroupsOnePerDivide(value.groups, ctx);
    checkCoordinatePair(value, ctx);
  });
export type ActorCreate = z.input<typeof actorCreateSchema>;
export type ActorCreateParsed = z.output<typeof actorCreateSchema>;

/** `groups`, when given, replaces the whole set of memberships. */
export const actorPatchSchema = z
  .strictObject({
    kind: actorKindSchema,
    role: actorRoleSchema,
    track: trackSchema,
    gender: genderSchema.nullable(),
    region: regionSchema.nullable(),
    latitude: latitudeSchema.nullable(),
    longitude: longitudeSchema.nullable(),
    groups: z.array(actorGroupSchema).max(20),
    identity: actorIdentitySchema,
  })
  .partial()
  .superRefine((value, ctx) => {
    checkNotEmpty(value, ctx);
    if ('latitude' in value || 'longitude' in value) checkCoordinatePair(value, ctx);
    checkGenderForKind(value, ctx, false);
    checkGroupsOnePerDivide(value.groups, ctx);
  });
export type ActorPatch = z.infer<typeof actorPatchSchema>;

/** Filters of the actor list; `q` searches pseudonyms only (names are searched through the vault). */
export const actorFilterSchema = pageSchema.extend({
  conflict_id: idSchema.optional(),
  kind: actorKindSchema.optional(),
  role: actorRoleSchema.optional(),
  track: trackSchema.optional(),
  gender: genderSchema.optional(),
  group_id: idSchema.optional(),
  region: regionSchema.optional(),
  q: z.string().trim().min(1).max(50).optional(),
  include_erased: z
    .union([z.boolean(), z.enum(['true', 'false'])])
    .transform((value) => value === true || value === 'true')
    .default(false),
});
export type ActorFilter = z.input<typeof actorFilterSchema>;
