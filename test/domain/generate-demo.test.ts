import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { workspaceDocumentSchema } from '../../src/interchange/workspace-json-schema.js';
import { actorRoles, groundRules, tieKinds, tracks } from '../../src/domain/vocabulary.js';
import { demoConflictName, generateDemoWorkspace } from '../../src/domain/demo/index.js';

const hash = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

describe('the demo workspace generator', () => {
  const demo = generateDemoWorkspace();
  const communityOf = new Map(
    demo.actors.map((a) => [a.id, a.groups.find((g) => g.divide_id === 'divide-community')?.group_id]),
  );

  it('gives the same world on every run, and another world for another seed', () => {
    expect(hash(generateDemoWorkspace())).toBe(hash(demo));
    expect(hash(generateDemoWorkspace(7))).not.toBe(hash(demo));
  });

  it('matches the published demo (a change to the generator must update this hash on purpose)', () => {
    expect(hash(demo)).toBe('79463b7b55aa529989419b5c3f7342ae6740671c05fe1cbdc632537c8bc776b6');
  });

  it('is a valid workspace document, clearly labelled as fictional', () => {
    expect(workspaceDocumentSchema.safeParse(demo).success).toBe(true);
    expect(demo.workspace.is_demo).toBe(true);
    expect(demo.workspace.name).toMatch(/^DEMO — fictional/);
    expect(demo.conflicts[0].name).toBe(demoConflictName);
  });

  it('has about 150 actors of every role and track, and about 600 ties of every kind', () => {
    expect(demo.actors.length).toBeGreaterThanOrEqual(140);
    expect(demo.actors.length).toBeLessThanOrEqual(160);
    expect(new Set(demo.actors.map((a) => a.role))).toEqual(new Set(actorRoles));
    expect(new Set(demo.actors.map((a) => a.track))).toEqual(new Set(tracks));
    expect(new Set(demo.actors.map((a) => a.kind))).toEqual(new Set(['person', 'organisation']));
    expect(demo.ties.length).toBeGreaterThanOrEqual(540);
    expect(demo.ties.length).toBeLessThanOrEqual(700);
    expect(new Set(demo.ties.map((t) => t.kind))).toEqual(new Set(tieKinds));
    const years = new Set(demo.ties.map((t) => t.valid_from?.slice(0, 4)));
    expect(years.size).toBeGreaterThanOrEqual(5);
  });

  it('has three communities, and women a minority on track 1 but not on tracks 2 and 3', () => {
    const community = demo.conflicts[0].divides.find((d) => d.name === 'Community');
    expect(community?.groups).toHaveLength(3);
    expect(demo.conflicts[0].divides.length).toBeGreaterThanOrEqual(2);
    const womenShare = (trackSet: string[]) => {
      const persons = demo.actors.filter((a) => a.kind === 'person' && trackSet.includes(a.track));
      return persons.filter((a) => a.gender === 'woman').length / persons.length;
    };
    expect(womenShare(['1'])).toBeLessThan(0.25);
    expect(womenShare(['2', '3'])).toBeGreaterThan(womenShare(['1']) + 0.15);
  });

  it('is dense within communities and sparse across them, with some hostile ties', () => {
    const social = demo.ties.filter((t) => t.source !== 'meeting');
    const sided = social.filter(
      (t) => communityOf.get(t.source_actor_id) && communityOf.get(t.target_actor_id),
    );
    const cross = sided.filter(
      (t) => communityOf.get(t.source_actor_id) !== communityOf.get(t.target_actor_id),
    );
    expect(cross.length).toBeGreaterThan(0);
    expect(cross.length / sided.length).toBeLessThan(0.2);
    expect(demo.ties.filter((t) => t.kind === 'hostile').length).toBeGreaterThanOrEqual(10);
  });

  it('has two initiatives, eight meetings of every ground rule, outcomes and a transfer with its history', () => {
    expect(demo.initiatives).toHaveLength(2);
    expect(demo.meetings).toHaveLength(8);
    expect(new Set(demo.meetings.map((m) => m.ground_rule))).toEqual(new Set(groundRules));
    expect(demo.meetings.filter((m) => m.status === 'held').every((m) => m.attendances.length > 0)).toBe(
      true,
    );
    expect(demo.outcomes.length).toBeGreaterThanOrEqual(2);
    const trackOne = new Set(demo.actors.filter((a) => a.track === '1').map((a) => a.id));
    const transfer = demo.transfers.find((t) => (t.history ?? []).length >= 3);
    expect(transfer).toBeDefined();
    expect(transfer?.recipient_actor_ids.every((id) => trackOne.has(id))).toBe(true);
    expect(demo.conflicts[0].events.length).toBeGreaterThanOrEqual(5);
  });

  it('keeps names in the identities only, one per actor', () => {
    const identities = demo.identities ?? [];
    expect(identities).toHaveLength(demo.actors.length);
    const { identities: _, ...records } = demo;
    const text = JSON.stringify(records);
    for (const identity of identities) expect(text).not.toContain(identity.names[0]);
    expect(new Set(identities.map((i) => i.names[0])).size).toBe(identities.length);
  });

  it('derives met ties from attendance: one per pair that met, stronger for repeated meetings', () => {
    const met = demo.ties.filter((t) => t.kind === 'met');
    const pairs = new Set<string>();
    for (const meeting of demo.meetings) {
      const ids = meeting.attendances.map((a) => a.actor_id).sort();
      for (let i = 0; i < ids.length; i++)
        for (let j = i + 1; j < ids.length; j++) pairs.add(`${ids[i]}|${ids[j]}`);
    }
    expect(met).toHaveLength(pairs.size);
    expect(met.some((t) => t.strength > 1)).toBe(true);
  });
});
