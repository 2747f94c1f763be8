import type {
  DocumentActor,
  DocumentIdentity,
  DocumentTie,
  WorkspaceDocument,
} from '../../interchange/workspace-json-schema.js';
import type { ActorRole, Gender, TieKind, Track } from '../vocabulary.js';
import {
  communities,
  communityRolePlan,
  conflictTimeline,
  demoConflictName,
  demoDescription,
  demoWorkspaceName,
  faiths,
  neutralVenue,
  organisations,
  sharedRegions,
  womenShareByTrack,
  type CommunityKey,
  type FaithKey,
} from './arvandia-setting.js';
import { metTiesOf } from './met-ties.js';
import { halvenianSounds, inventName, inventPseudonym } from './names.js';
import { seededRandom, type Random } from './random.js';

/** The seed of the published demo; another seed gives another, equally plausible, world. */
export const demoSeed = 20_191_102;

const conflictId = 'conflict-arvandia';
const communityDivideId = 'divide-community';
const faithDivideId = 'divide-faith';
const groupId = (key: string) => `group-${key}`;

/** An actor while the world is being built: the record plus what the generator needs to know. */
interface Draft {
  actor: DocumentActor;
  community: CommunityKey | null;
  faith: FaithKey | null;
  /** People who reach across the divide more than others. */
  broker: boolean;
}

function draftGender(random: Random, track: Track, role: ActorRole): Gender {
  if (role === 'womens_leader') return 'woman';
  const roll = random.next();
  if (roll < 0.03) return 'undisclosed';
  if (roll < 0.04) return 'other';
  return random.chance(womenShareByTrack[track]) ? 'woman' : 'man';
}

/** A date between two years, as `YYYY-MM-DD` (days up to 28 so every month is valid). */
function dateBetween(random: Random, fromYear: number, toYear: number): string {
  const year = random.int(fromYear, toYear);
  const month = random.int(1, 12);
  const day = random.int(1, 28);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The whole demo workspace as a workspace document, identities included (for the vault). */
export function generateDemoWorkspace(seed: number = demoSeed): WorkspaceDocument {
  const random = seededRandom(seed);
  const usedNames = new Set<string>();
  const usedPseudonyms = new Set<string>();
  const drafts: Draft[] = [];
  const identities: DocumentIdentity[] = [];

  const addActor = (
    fields: Omit<DocumentActor, 'id' | 'conflict_id' | 'pseudonym' | 'groups' | 'erased_at'>,
    community: CommunityKey | null,
    faith: FaithKey | null,
    name: string,
  ): Draft => {
    const id = `actor-${String(drafts.length + 1).padStart(3, '0')}`;
    const groups: DocumentActor['groups'] = [];
    if (community) groups.push({ divide_id: communityDivideId, group_id: groupId(community) });
    if (faith) groups.push({ divide_id: faithDivideId, group_id: groupId(faith) });
    const actor: DocumentActor = {
      id,
      conflict_id: conflictId,
      pseudonym: inventPseudonym(random, usedPseudonyms),
      ...fields,
      groups,
      erased_at: null,
    };
    const draft: Draft = { actor, community, faith, broker: false };
    drafts.push(draft);
    const contacts =
      fields.kind === 'person'
        ? [
            {
              kind: 'email' as const,
              value: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@example.invalid`,
            },
          ]
        : [{ kind: 'email' as const, value: `office.${id}@example.invalid` }];
    identities.push({
      actor_id: id,
      names: [name],
      contacts,
      notes: 'Fictional: part of the tracktwo demo workspace.',
    });
    return draft;
  };

  // People of the three communities.
  for (const community of communities) {
    for (const plan of communityRolePlan) {
      for (let i = 0; i < plan.count; i++) {
        const track = plan.tracks[i % plan.tracks.length];
        const gender = draftGender(random, track, plan.role);
        const region = random.chance(0.75) ? community.homeRegion : random.pick(sharedRegions);
        const faith = random.chance(0.92) ? random.weighted(community.faiths) : null;
        addActor(
          { kind: 'person', role: plan.role, track, gender, region },
          community.key,
          faith,
          inventName(random, community.sounds, gender, usedNames),
        );
      }
    }
  }
  // Third parties from the invented neighbour: they belong to no side.
  for (let i = 0; i < 6; i++) {
    const track: Track = i < 2 ? '1.5' : '2';
    const gender = draftGender(random, track, 'third_party');
    addActor(
      { kind: 'person', role: 'third_party', track, gender, region: neutralVenue },
      null,
      null,
      inventName(random, halvenianSounds, gender, usedNames),
    );
  }
  for (const organisation of organisations) {
    const home = communities.find((c) => c.key === organisation.community);
    addActor(
      {
        kind: 'organisation',
        role: organisation.role,
        track: organisation.track,
        gender: null,
        region: home
          ? home.homeRegion
          : organisation.role === 'third_party'
            ? neutralVenue
            : sharedRegions[0],
      },
      organisation.community,
      null,
      organisation.name,
    );
  }

  const people = drafts.filter((d) => d.actor.kind === 'person');
  const byCommunity = new Map<CommunityKey, Draft[]>(
    communities.map((c) => [c.key, people.filter((d) => d.community === c.key)]),
  );
  // Brokers: per community, one scholar, one peace activist and one women's leader on track 2.
  for (const members of byCommunity.values()) {
    for (const role of ['scholar', 'peace_activist', 'womens_leader'] as const) {
      const broker = members.find((d) => d.actor.role === role && d.actor.track === '2');
      if (broker) broker.broker = true;
    }
  }

  // Social ties (not from meetings).
  const ties: DocumentTie[] = [];
  const tieKeys = new Set<string>();
  const addTie = (
    source: Draft,
    target: Draft,
    kind: TieKind,
    options: { directed?: boolean; strength?: number } = {},
  ): void => {
    if (source === target) return;
    const directed = options.directed ?? kind === 'influences';
    const [a, b] =
      directed || source.actor.id < target.actor.id
        ? [source.actor.id, target.actor.id]
        : [target.actor.id, source.actor.id];
    const key = `${a}|${b}|${kind}`;
    if (tieKeys.has(key)) return;
    tieKeys.add(key);
    const validFrom = dateBetween(random, 2012, 2025);
    const ended = random.chance(0.1);
    const reported = random.chance(0.6);
    ties.push({
      id: '',
      conflict_id: conflictId,
      source_actor_id: a,
      target_actor_id: b,
      kind,
      directed,
      strength:
        options.strength ??
        random.weighted([
          [1, 2],
          [2, 3],
          [3, 3],
          [4, 2],
          [5, 1],
        ] as const),
      valid_from: validFrom,
      valid_to: ended ? `${Number(validFrom.slice(0, 4)) + random.int(1, 4)}${validFrom.slice(4)}` : null,
      source: reported ? 'reported' : 'observed',
      confidence: reported ? random.pick([0.5, 0.6, 0.7, 0.8]) : random.pick([0.8, 0.9, 1]),
    });
  };
  const withinKind = (a: Draft, b: Draft): TieKind =>
    random.weighted<TieKind>([
      ['knows', 45],
      ['trusts', 20],
      ['works_with', 22],
      ['kin', a.faith !== null && a.faith === b.faith ? 8 : 0],
    ]);

  // Dense within each community: more among people of the same track and region.
  for (const members of byCommunity.values()) {
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        const a = members[i];
        const b = members[j];
        let p = 0.045;
        if (a.actor.track === b.actor.track) p += 0.07;
        if (a.actor.region === b.actor.region) p += 0.02;
        if (random.chance(p)) addTie(a, b, withinKind(a, b));
      }
    }
    // Citizens lean on the officials of their own side.
    const officials = members.filter((d) => d.actor.track === '1');
    const citizens = members.filter((d) => d.actor.track !== '1');
    for (let k = 0; k < 12; k++) {
      addTie(random.pick(citizens), random.pick(officials), 'influences', { directed: true });
    }
  }
  // Organisations and their people.
  for (const organisation of drafts.filter((d) => d.actor.kind === 'organisation')) {
    const pool = organisation.community
      ? (byCommunity.get(organisation.community) ?? [])
      : people.filter((d) => d.community === null);
    for (const member of random.sample(pool, random.int(3, 5))) addTie(member, organisation, 'works_with');
  }
  // Third parties know a few people on every side: they are the classic go-betweens.
  const thirdParties = people.filter((d) => d.community === null);
  for (const thirdParty of thirdParties) {
    for (const members of byCommunity.values()) {
      for (const contact of random.sample(members, random.int(1, 2))) {
        addTie(thirdParty, contact, random.pick(['knows', 'works_with', 'trusts'] as const));
      }
    }
  }
  // Few ties cross the community divide, most of them through the brokers.
  const communityKeys = communities.map((c) => c.key);
  const otherSide = (draft: Draft) =>
    people.filter((d) => d.community !== null && d.community !== draft.community);
  for (const broker of people.filter((d) => d.broker)) {
    for (const contact of random.sample(otherSide(broker), random.int(3, 5))) {
      addTie(
        broker,
        contact,
        random.weighted<TieKind>([
          ['knows', 5],
          ['trusts', 2],
          ['works_with', 3],
        ]),
        {
          strength: random.int(1, 3),
        },
      );
    }
  }
  for (let k = 0; k < 8; k++) {
    const [x, y] = random.sample(communityKeys, 2);
    addTie(random.pick(byCommunity.get(x) ?? []), random.pick(byCommunity.get(y) ?? []), 'knows', {
      strength: 1,
    });
  }
  // Hostility runs mostly between the armed and official actors of opposing sides, and within one split.
  const hardliners = people.filter(
    (d) => d.actor.role === 'armed_group_representative' || d.actor.role === 'state_official',
  );
  for (let k = 0; k < 16; k++) {
    const a = random.pick(hardliners);
    const b = random.pick(hardliners.filter((d) => d.community !== a.community));
    addTie(a, b, 'hostile', { strength: random.int(3, 5) });
  }
  const keshaniArmed = (byCommunity.get('keshani') ?? []).filter(
    (d) => d.actor.role === 'armed_group_representative',
  );
  addTie(keshaniArmed[0], keshaniArmed[1], 'hostile', { strength: 4 });

  const byRole = (community: CommunityKey, role: ActorRole, track?: Track) =>
    (byCommunity.get(community) ?? []).filter(
      (d) => d.actor.role === role && (track === undefined || d.actor.track === track),
    );
  const first = <T>(items: T[]): T => {
    if (items.length === 0) throw new RangeError('the demo plan names an actor that does not exist');
    return items[0];
  };

  // Two initiatives, their people, meetings and outcomes.
  const i1Conveners = [
    first(byRole('keshani', 'scholar', '2')),
    first(byRole('dorvak', 'womens_leader', '2')),
  ];
  const i1Facilitators = thirdParties.slice(0, 2);
  const i1Pool = random.sample(
    people.filter(
      (d) =>
        d.community !== null &&
        (d.actor.track === '2' || d.actor.track === '1.5') &&
        !i1Conveners.includes(d),
    ),
    14,
  );
  const i2Conveners = [first(byRole('selmiri', 'elder')), first(byRole('keshani', 'womens_leader', '3'))];
  const i2Facilitators = [thirdParties[2]];
  const i2Pool = random.sample(
    people.filter((d) => d.community !== null && d.actor.track === '3' && !i2Conveners.includes(d)),
    12,
  );

  const initiatives: WorkspaceDocument['initiatives'] = [
    {
      id: 'initiative-dialogue',
      conflict_id: conflictId,
      name: 'Highlands–Coast Dialogue',
      aims: 'Build a standing channel between Keshani and Dorvak citizens on water, grazing and the missing.',
      status: 'active',
      started_on: '2022-10-01',
      ended_on: null,
      funding_needed: 420_000,
      funding_pledged: 265_000,
      inclusion_target_women: 0.4,
      actors: [
        ...i1Conveners.map((d) => ({ actor_id: d.actor.id, capacity: 'convener' as const })),
        ...i1Facilitators.map((d) => ({ actor_id: d.actor.id, capacity: 'facilitator' as const })),
      ],
    },
    {
      id: 'initiative-council',
      conflict_id: conflictId,
      name: 'Elders’ and Women’s Council of the Eastern Marches',
      aims: 'Keep markets and roads of the Eastern Marches safe for all three communities.',
      status: 'active',
      started_on: '2023-05-01',
      ended_on: null,
      funding_needed: 90_000,
      funding_pledged: 72_500,
      inclusion_target_women: 0.5,
      actors: [
        ...i2Conveners.map((d) => ({ actor_id: d.actor.id, capacity: 'convener' as const })),
        ...i2Facilitators.map((d) => ({ actor_id: d.actor.id, capacity: 'facilitator' as const })),
      ],
    },
  ];

  type Meeting = WorkspaceDocument['meetings'][number];
  const meeting = (
    id: string,
    initiative: 'dialogue' | 'council',
    title: string,
    held_on: string,
    place: string,
    ground_rule: Meeting['ground_rule'],
    participants: number,
    extra: Meeting['attendances'] = [],
  ): Meeting => {
    const dialogue = initiative === 'dialogue';
    const held = participants > 0;
    const conveners = dialogue ? i1Conveners : i2Conveners;
    const facilitators = dialogue ? i1Facilitators : i2Facilitators;
    const pool = dialogue ? i1Pool : i2Pool;
    return {
      id,
      initiative_id: `initiative-${initiative}`,
      title,
      held_on,
      place,
      ground_rule,
      status: held ? 'held' : 'planned',
      attendances: held
        ? [
            ...conveners.map((d) => ({ actor_id: d.actor.id, role: 'convener' as const })),
            ...facilitators.map((d) => ({ actor_id: d.actor.id, role: 'third_party' as const })),
            ...random
              .sample(pool, participants)
              .map((d) => ({ actor_id: d.actor.id, role: 'participant' as const })),
            ...extra,
          ]
        : [],
    };
  };
  const journalists = people.filter((d) => d.actor.role === 'journalist' && !i1Pool.includes(d));
  const meetings: Meeting[] = [
    meeting('meeting-1', 'dialogue', 'Opening round', '2023-02-14', neutralVenue, 'chatham_house', 6),
    meeting('meeting-2', 'dialogue', 'Water and grazing', '2023-06-20', 'Vell Coast', 'chatham_house', 6),
    meeting('meeting-3', 'dialogue', 'Detainees and the missing', '2023-11-08', neutralVenue, 'closed', 5),
    meeting(
      'meeting-4',
      'dialogue',
      'Public report-back',
      '2024-04-16',
      'Ostra (capital)',
      'open',
      6,
      random.sample(journalists, 2).map((d) => ({ actor_id: d.actor.id, role: 'observer' as const })),
    ),
    meeting(
      'meeting-5',
      'dialogue',
      'Drafting the Vell basin proposal',
      '2025-03-11',
      neutralVenue,
      'chatham_house',
      6,
    ),
    meeting('meeting-6', 'council', 'Founding session', '2023-09-02', 'Eastern Marches', 'open', 6),
    meeting(
      'meeting-7',
      'council',
      'Market-road safety',
      '2024-07-19',
      'Eastern Marches',
      'chatham_house',
      6,
    ),
    meeting('meeting-8', 'council', 'Harvest season review', '2026-05-14', 'Southern Plains', 'open', 0),
  ];

  const outcomes: WorkspaceDocument['outcomes'] = [
    {
      id: 'outcome-grazing',
      initiative_id: 'initiative-dialogue',
      meeting_id: 'meeting-2',
      title: 'Joint statement on grazing corridors',
      description:
        'Participants from both communities call for seasonal corridors protected by local elders.',
      kind: 'statement',
    },
    {
      id: 'outcome-missing',
      initiative_id: 'initiative-dialogue',
      meeting_id: 'meeting-3',
      title: 'A channel for tracing the missing',
      description:
        'A shared list of the missing, kept by the third party, and a channel to exchange news of them.',
      kind: 'agreement',
    },
    {
      id: 'outcome-water',
      initiative_id: 'initiative-dialogue',
      meeting_id: 'meeting-5',
      title: 'Vell basin water-sharing proposal',
      description:
        'A proposal for sharing the Vell basin’s water in dry years, drafted for the official talks.',
      kind: 'proposal',
    },
    {
      id: 'outcome-market-roads',
      initiative_id: 'initiative-council',
      meeting_id: 'meeting-7',
      title: 'Market-road safety pledges',
      description:
        'Pledges by local leaders of all three communities to keep market roads open on market days.',
      kind: 'agreement',
    },
    {
      id: 'outcome-charter',
      initiative_id: 'initiative-council',
      meeting_id: null,
      title: 'Council charter',
      description: 'How the council chooses its members, meets and decides.',
      kind: 'statement',
    },
  ];

  const officialsOf = (community: CommunityKey) => byRole(community, 'state_official');
  const transfers: WorkspaceDocument['transfers'] = [
    {
      id: 'transfer-water',
      outcome_id: 'outcome-water',
      status: 'adopted',
      handed_on: '2025-04-02',
      status_on: '2025-10-07',
      note: 'Handed to both delegations to the official talks.',
      recipient_actor_ids: [
        officialsOf('keshani')[0].actor.id,
        officialsOf('dorvak')[0].actor.id,
        first(byRole('dorvak', 'armed_group_representative')).actor.id,
      ],
      history: [
        { status: 'handed', on: '2025-04-02' },
        { status: 'noted', on: '2025-05-20' },
        { status: 'adopted', on: '2025-10-07' },
      ],
    },
    {
      id: 'transfer-missing',
      outcome_id: 'outcome-missing',
      status: 'rejected',
      handed_on: '2024-01-15',
      status_on: '2024-03-30',
      note: 'The ministry declined to join the channel.',
      recipient_actor_ids: [officialsOf('keshani')[1].actor.id, officialsOf('selmiri')[0].actor.id],
      history: [
        { status: 'handed', on: '2024-01-15' },
        { status: 'rejected', on: '2024-03-30' },
      ],
    },
  ];

  const socialTies = ties.map((tie, index) => ({ ...tie, id: `tie-${String(index + 1).padStart(4, '0')}` }));
  const metTies = metTiesOf(meetings, conflictId).map((tie, index) => ({
    ...tie,
    id: `tie-met-${String(index + 1).padStart(4, '0')}`,
  }));

  return {
    format: 'tracktwo.workspace',
    version: 1,
    exported_at: '2026-01-01T00:00:00.000Z',
    workspace: { id: 'workspace-demo', name: demoWorkspaceName, description: demoDescription, is_demo: true },
    conflicts: [
      {
        id: conflictId,
        name: demoConflictName,
        description: demoDescription,
        started_on: '2019-02-11',
        ended_on: null,
        divides: [
          {
            id: communityDivideId,
            name: 'Community',
            groups: communities.map((c) => ({ id: groupId(c.key), name: c.name, color: c.color })),
          },
          {
            id: faithDivideId,
            name: 'Faith',
            groups: faiths.map((f) => ({ id: groupId(f.key), name: f.name, color: f.color })),
          },
        ],
        events: conflictTimeline.map((event, index) => ({ id: `event-${index + 1}`, ...event })),
      },
    ],
    actors: drafts.map((d) => d.actor),
    ties: [...socialTies, ...metTies],
    initiatives,
    meetings,
    outcomes,
    transfers,
    identities,
  };
}
