import type { Kysely } from 'kysely';
import type { Actor } from '../../src/domain/actor.js';
import type { Conflict } from '../../src/domain/conflict.js';
import type { Workspace } from '../../src/domain/workspace.js';
import type { ActorRole, Gender, Track } from '../../src/domain/vocabulary.js';
import { createActor } from '../../src/store/repositories/actors.js';
import { createConflict } from '../../src/store/repositories/conflicts.js';
import { createWorkspace } from '../../src/store/repositories/workspaces.js';
import type { Database } from '../../src/store/schema.js';

export interface Setting {
  workspace: Workspace;
  conflict: Conflict;
  /** Group ids of the first divide ("community"): north, south, east. */
  groups: { north: string; south: string; east: string };
  /** Group ids of the second divide ("faith"). */
  faiths: { a: string; b: string };
}

/** A workspace with one conflict: a three-community divide and a two-faith divide. */
export async function makeSetting(db: Kysely<Database>, label = 'Test'): Promise<Setting> {
  const workspace = await createWorkspace(db, { name: `${label} workspace` });
  const conflict = await createConflict(db, {
    workspace_id: workspace.id,
    name: `${label} conflict`,
    started_on: '2020-01-01',
    divides: [
      {
        name: 'community',
        groups: [{ name: 'north', color: '#aa0000' }, { name: 'south' }, { name: 'east' }],
      },
      { name: 'faith', groups: [{ name: 'a' }, { name: 'b' }] },
    ],
  });
  const [community, faith] = conflict.divides;
  return {
    workspace,
    conflict,
    groups: { north: community.groups[0].id, south: community.groups[1].id, east: community.groups[2].id },
    faiths: { a: faith.groups[0].id, b: faith.groups[1].id },
  };
}

export async function makeActor(
  db: Kysely<Database>,
  setting: Setting,
  options: { role?: ActorRole; track?: Track; gender?: Gender; region?: string; group?: string } = {},
): Promise<Actor> {
  const community = setting.conflict.divides[0];
  return createActor(db, {
    workspace_id: setting.workspace.id,
    conflict_id: setting.conflict.id,
    kind: 'person',
    role: options.role ?? 'peace_activist',
    track: options.track ?? '2',
    gender: options.gender ?? 'woman',
    region: options.region ?? null,
    groups: options.group ? [{ divide_id: community.id, group_id: options.group }] : [],
  });
}
