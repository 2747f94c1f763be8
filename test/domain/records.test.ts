import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as records from '../../src/domain/records.js';
import {
  actorCreateSchema,
  actorFilterSchema,
  actorPatchSchema,
  attendanceCreateSchema,
  conflictCreateSchema,
  initiativeCreateSchema,
  meetingCreateSchema,
  tieCreateSchema,
  tiePatchSchema,
  transferCreateSchema,
  workspaceCreateSchema,
  workspacePatchSchema,
} from '../../src/domain/records.js';

const ws = '6f1c2d4e-8a9b-4c3d-9e2f-1a2b3c4d5e6f';
const cf = '7f1c2d4e-8a9b-4c3d-9e2f-1a2b3c4d5e6f';
const a1 = '8f1c2d4e-8a9b-4c3d-9e2f-1a2b3c4d5e6f';
const a2 = '9f1c2d4e-8a9b-4c3d-9e2f-1a2b3c4d5e6f';

function issuePaths(result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }): string[] {
  return (result.error?.issues ?? []).map((issue) => issue.path.join('.'));
}

describe('records', () => {
  it('rejects unknown fields on creates and patches', () => {
    expect(workspaceCreateSchema.safeParse({ name: 'W', owner: 'x' }).success).toBe(false);
    expect(workspacePatchSchema.safeParse({ name: 'W', is_demo: true }).success).toBe(false);
    expect(tiePatchSchema.safeParse({ weight: 3 }).success).toBe(false);
  });

  it('rejects an empty patch', () => {
    expect(workspacePatchSchema.safeParse({}).success).toBe(false);
    expect(actorPatchSchema.safeParse({ region: 'North' }).success).toBe(true);
  });

  it('fills defaults of an actor and gives organisations no gender', () => {
    const person = actorCreateSchema.parse({ workspace_id: ws, conflict_id: cf, role: 'elder', track: '2' });
    expect(person).toMatchObject({ kind: 'person', gender: 'undisclosed', region: null, groups: [] });
    const org = actorCreateSchema.parse({
      workspace_id: ws,
      conflict_id: cf,
      kind: 'organisation',
      role: 'non_state_representative',
      track: '1.5',
    });
    expect(org.gender).toBeNull();
    const bad = actorCreateSchema.safeParse({
      workspace_id: ws,
      conflict_id: cf,
      kind: 'organisation',
      role: 'other',
      track: '3',
      gender: 'woman',
    });
    expect(issuePaths(bad)).toEqual(['gender']);
  });

  it('checks enums: role, track', () => {
    const base = { workspace_id: ws, conflict_id: cf };
    expect(actorCreateSchema.safeParse({ ...base, role: 'king', track: '2' }).success).toBe(false);
    expect(actorCreateSchema.safeParse({ ...base, role: 'elder', track: '4' }).success).toBe(false);
    expect(actorCreateSchema.safeParse({ ...base, role: 'elder', track: 2 }).success).toBe(false);
  });

  it('keeps one group per divide', () => {
    const result = actorCreateSchema.safeParse({
      workspace_id: ws,
      conflict_id: cf,
      role: 'scholar',
      track: '2',
      groups: [
        { divide_id: a1, group_id: a2 },
        { divide_id: a1, group_id: ws },
      ],
    });
    expect(issuePaths(result)).toEqual(['groups.1.divide_id']);
  });

  it('limits ties: strength 1-5, confidence 0-1, ordered dates, two actors', () => {
    const base = {
      workspace_id: ws,
      conflict_id: cf,
      source_actor_id: a1,
      target_actor_id: a2,
      kind: 'knows',
    };
    expect(tieCreateSchema.parse(base)).toMatchObject({ strength: 1, confidence: 1, directed: false });
    expect(tieCreateSchema.safeParse({ ...base, strength: 6 }).success).toBe(false);
    expect(tieCreateSchema.safeParse({ ...base, strength: 2.5 }).success).toBe(false);
    expect(tieCreateSchema.safeParse({ ...base, confidence: 1.01 }).success).toBe(false);
    expect(tieCreateSchema.safeParse({ ...base, valid_from: '2024-02-30' }).success).toBe(false);
    expect(
      issuePaths(tieCreateSchema.safeParse({ ...base, valid_from: '2024-05-01', valid_to: '2024-04-30' })),
    ).toEqual(['valid_to']);
    expect(issuePaths(tieCreateSchema.safeParse({ ...base, target_actor_id: a1 }))).toEqual([
      'target_actor_id',
    ]);
  });

  it('checks conflicts, initiatives, meetings, attendance and transfers', () => {
    expect(
      conflictCreateSchema.safeParse({
        workspace_id: ws,
        name: 'C',
        divides: [{ name: 'd', groups: [{ name: 'x' }] }],
      }).success,
    ).toBe(false);
    const conflict = conflictCreateSchema.parse({
      workspace_id: ws,
      name: 'C',
      divides: [{ name: 'faith', groups: [{ name: 'a', color: '#aa0000' }, { name: 'b' }] }],
    });
    expect(conflict.divides[0].groups[1].color).toBeNull();
    expect(
      initiativeCreateSchema.safeParse({
        workspace_id: ws,
        conflict_id: cf,
        name: 'I',
        inclusion_target_women: 1.2,
      }).success,
    ).toBe(false);
    expect(
      meetingCreateSchema.safeParse({ initiative_id: ws, title: 'R1', held_on: '2026-13-01' }).success,
    ).toBe(false);
    expect(
      meetingCreateSchema.parse({ initiative_id: ws, title: 'R1', held_on: '2026-01-01' }).ground_rule,
    ).toBe('chatham_house');
    expect(
      attendanceCreateSchema.safeParse({ attendees: [{ actor_id: a1 }, { actor_id: a1 }] }).success,
    ).toBe(false);
    const transfer = transferCreateSchema.parse({
      outcome_id: ws,
      handed_on: '2026-03-01',
      recipient_actor_ids: [a1],
    });
    expect(transfer).toMatchObject({ status: 'handed', status_on: '2026-03-01' });
    expect(
      transferCreateSchema.safeParse({
        outcome_id: ws,
        handed_on: '2026-03-01',
        status_on: '2026-02-01',
        recipient_actor_ids: [a1],
      }).success,
    ).toBe(false);
  });

  it('coerces paging from query strings and bounds it', () => {
    expect(actorFilterSchema.parse({ limit: '20', offset: '40', include_erased: 'true' })).toMatchObject({
      limit: 20,
      offset: 40,
      include_erased: true,
    });
    expect(actorFilterSchema.safeParse({ limit: '0' }).success).toBe(false);
    expect(actorFilterSchema.safeParse({ sort: 'x' }).success).toBe(false);
  });

  it('every schema converts to an OpenAPI input schema (the server documents routes with them)', () => {
    const schemas = Object.entries(records).filter(([, value]) => value instanceof z.ZodType);
    expect(schemas.length).toBeGreaterThan(40);
    for (const [name, schema] of schemas) {
      const json = z.toJSONSchema(schema as z.ZodType, {
        io: 'input',
        target: 'openapi-3.0',
        unrepresentable: 'any',
      });
      expect(json, name).toBeTypeOf('object');
    }
    const actor = z.toJSONSchema(actorCreateSchema, { io: 'input', target: 'openapi-3.0' }) as {
      additionalProperties?: unknown;
      required?: string[];
    };
    expect(actor.additionalProperties).toBe(false);
    expect(actor.required).toEqual(expect.arrayContaining(['workspace_id', 'conflict_id', 'role', 'track']));
  });
});
