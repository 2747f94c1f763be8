import type { ActorRole, ConflictEventKind, Track } from '../vocabulary.js';
import { dorvakSounds, keshaniSounds, selmiriSounds, type NameSounds } from './names.js';

/**
 * The fictional world of the demo: an invented country, its communities and faiths, regions and an
 * official timeline. Nothing here describes a real place, people or conflict.
 */
export const demoLabel = 'DEMO — fictional';
export const demoWorkspaceName = `${demoLabel}: Arvandia demo workspace`;
export const demoConflictName = `${demoLabel}: the Republic of Arvandia`;
export const demoDescription =
  'An invented conflict in an invented country, generated for demonstrations and tests. ' +
  'Every person, organisation, place and event in it is fictional.';

export type CommunityKey = 'keshani' | 'dorvak' | 'selmiri';

export interface Community {
  key: CommunityKey;
  name: string;
  color: string;
  homeRegion: string;
  sounds: NameSounds;
  /** How the community's members spread over the faiths, by weight. */
  faiths: readonly (readonly [FaithKey, number])[];
}

export type FaithKey = 'old_rite' | 'lumenite' | 'unaffiliated';

export const faiths: readonly { key: FaithKey; name: string; color: string }[] = [
  { key: 'old_rite', name: 'Old Rite', color: '#8c6d31' },
  { key: 'lumenite', name: 'Lumenite', color: '#6b6ecf' },
  { key: 'unaffiliated', name: 'Unaffiliated', color: '#969696' },
];

export const communities: readonly Community[] = [
  {
    key: 'keshani',
    name: 'Keshani',
    color: '#1f77b4',
    homeRegion: 'Northern Highlands',
    sounds: keshaniSounds,
    faiths: [
      ['old_rite', 8],
      ['lumenite', 1],
      ['unaffiliated', 1],
    ],
  },
  {
    key: 'dorvak',
    name: 'Dorvak',
    color: '#d62728',
    homeRegion: 'Vell Coast',
    sounds: dorvakSounds,
    faiths: [
      ['old_rite', 1],
      ['lumenite', 8],
      ['unaffiliated', 1],
    ],
  },
  {
    key: 'selmiri',
    name: 'Selmiri',
    color: '#2ca02c',
    homeRegion: 'Eastern Marches',
    sounds: selmiriSounds,
    faiths: [
      ['old_rite', 4],
      ['lumenite', 4],
      ['unaffiliated', 2],
    ],
  },
];

/** Mixed regions where members of every community live. */
export const sharedRegions = ['Ostra (capital)', 'Southern Plains'] as const;
export const neutralVenue = 'Halvenia (neutral venue)';

/** Each community's people by role: role, how many, and the tracks they sit on. */
export const communityRolePlan: readonly { role: ActorRole; count: number; tracks: readonly Track[] }[] = [
  { role: 'state_official', count: 4, tracks: ['1'] },
  { role: 'armed_group_representative', count: 3, tracks: ['1'] },
  { role: 'non_state_representative', count: 3, tracks: ['1.5', '1.5', '2'] },
  { role: 'former_statesman', count: 2, tracks: ['1.5'] },
  { role: 'former_military_officer', count: 2, tracks: ['1.5'] },
  { role: 'scholar', count: 4, tracks: ['2'] },
  { role: 'journalist', count: 4, tracks: ['2', '2', '2', '3'] },
  { role: 'religious_leader', count: 4, tracks: ['2', '2', '3', '3'] },
  { role: 'peace_activist', count: 6, tracks: ['2', '2', '2', '3', '3', '3'] },
  { role: 'womens_leader', count: 4, tracks: ['2', '2', '3', '3'] },
  { role: 'youth_leader', count: 4, tracks: ['3'] },
  { role: 'elder', count: 4, tracks: ['3'] },
  { role: 'other', count: 1, tracks: ['3'] },
];

/**
 * The share of women by track: a realistic minority at the official table (cf. the 1992-2019
 * baseline in docs/architecture.md, "The domain"), more in citizen and grassroots tracks.
 */
export const womenShareByTrack: Record<Track, number> = { '1': 0.12, '1.5': 0.25, '2': 0.42, '3': 0.5 };

export const organisations: readonly {
  name: string;
  community: CommunityKey | null;
  role: ActorRole;
  track: Track;
}[] = [
  { name: 'Arvandian Ministry of Reconciliation', community: 'keshani', role: 'state_official', track: '1' },
  { name: 'Highlands Women’s Assembly', community: 'keshani', role: 'womens_leader', track: '2' },
  { name: 'Northern Highlands Elders’ Circle', community: 'keshani', role: 'elder', track: '3' },
  {
    name: 'Vell Coast Liberation Front',
    community: 'dorvak',
    role: 'armed_group_representative',
    track: '1',
  },
  { name: 'Coastal Press Collective', community: 'dorvak', role: 'journalist', track: '2' },
  { name: 'Vell Youth Forum', community: 'dorvak', role: 'youth_leader', track: '3' },
  { name: 'Eastern Marches Council of Faiths', community: 'selmiri', role: 'religious_leader', track: '2' },
  { name: 'Marches Mothers for Peace', community: 'selmiri', role: 'womens_leader', track: '3' },
  { name: 'Selmiri Civic Union', community: 'selmiri', role: 'non_state_representative', track: '1.5' },
  { name: 'Halvenian Institute for Dialogue', community: null, role: 'third_party', track: '2' },
  { name: 'Lindquist Foundation for Mediation', community: null, role: 'third_party', track: '1.5' },
  { name: 'Arvandia Peace Studies Network', community: null, role: 'scholar', track: '2' },
];

export const conflictTimeline: readonly { kind: ConflictEventKind; occurred_on: string; title: string }[] = [
  { kind: 'breakdown', occurred_on: '2019-02-11', title: 'Collapse of the Ostra power-sharing pact' },
  { kind: 'other', occurred_on: '2019-08-23', title: 'Fighting spreads to the Vell Coast' },
  { kind: 'ceasefire', occurred_on: '2020-04-05', title: 'Easter ceasefire brokered by Halvenia' },
  { kind: 'breakdown', occurred_on: '2020-11-17', title: 'Ceasefire breaks down after the Dunmarsh raid' },
  { kind: 'talks', occurred_on: '2021-06-02', title: 'Exploratory talks in the Halvenian capital' },
  { kind: 'truce', occurred_on: '2022-03-20', title: 'Harvest truce' },
  { kind: 'breakdown', occurred_on: '2022-09-30', title: 'Harvest truce lapses; both sides re-armed' },
  { kind: 'talks', occurred_on: '2023-05-15', title: 'Official talks resume under the Lindquist format' },
  { kind: 'ceasefire', occurred_on: '2024-02-01', title: 'Nationwide ceasefire' },
  { kind: 'accord', occurred_on: '2025-11-12', title: 'Partial accord on the Vell basin' },
];
