import type { CommunityKey } from './arvandia-setting.js';
import { seededRandom } from './random.js';

/**
 * The demo dialogue of the Highlands–Coast Dialogue: participants of all three communities, statements
 * seeded by the conveners and put forward by participants, and votes drawn from each community's
 * leanings, so that the results screen shows opinion groups, statements that divide, and common ground.
 * Deterministic: the same seed always gives the same dialogue.
 */
export interface DemoDialogue {
  prompt: string;
  statements: { text: string; origin: 'seeded' | 'submitted'; author: number | null }[];
  participants: { community: CommunityKey }[];
  /** In time order; `minute` counts from the dialogue's opening. */
  votes: { participant: number; statement: number; vote: 1 | -1 | 0; minute: number }[];
}

const communities: readonly CommunityKey[] = ['keshani', 'dorvak', 'selmiri'];

/** How much each community agrees (+1) or disagrees (-1) with each statement, before noise. */
const statements: { text: string; lean: Record<CommunityKey, number>; submitted?: CommunityKey }[] = [
  {
    text: 'Every child should be able to reach a school without crossing a checkpoint.',
    lean: { keshani: 0.9, dorvak: 0.85, selmiri: 0.9 },
  },
  {
    text: 'The wells of the Vell valley should be run by a council with members from every community.',
    lean: { keshani: 0.7, dorvak: 0.6, selmiri: 0.8 },
  },
  {
    text: 'Families of the missing deserve to know what happened, whoever is responsible.',
    lean: { keshani: 0.85, dorvak: 0.7, selmiri: 0.8 },
  },
  {
    text: 'The highland grazing routes belong to the clans who used them before the war.',
    lean: { keshani: 0.8, dorvak: -0.7, selmiri: -0.3 },
  },
  {
    text: 'The coast ports should charge the same fees to traders of every community.',
    lean: { keshani: -0.2, dorvak: 0.8, selmiri: 0.6 },
  },
  {
    text: 'Former fighters should be offered work on rebuilding roads and bridges.',
    lean: { keshani: 0.3, dorvak: 0.4, selmiri: 0.5 },
  },
  {
    text: 'Regional elections should wait until the displaced have returned.',
    lean: { keshani: 0.7, dorvak: -0.6, selmiri: 0.2 },
  },
  {
    text: 'School lessons should be taught in all three languages.',
    lean: { keshani: -0.5, dorvak: 0.1, selmiri: 0.8 },
  },
  {
    text: 'Elders of every faith should open the council sessions together.',
    lean: { keshani: 0.5, dorvak: 0.5, selmiri: 0.6 },
  },
  {
    text: 'The ceasefire line should be monitored by observers from a neutral country.',
    lean: { keshani: 0.2, dorvak: 0.7, selmiri: 0.4 },
  },
  {
    text: 'Land taken during the war should be returned before any new investment.',
    lean: { keshani: 0.6, dorvak: -0.8, selmiri: 0.1 },
    submitted: 'keshani',
  },
  {
    text: 'Market days should rotate between highland and coast towns.',
    lean: { keshani: 0.6, dorvak: 0.6, selmiri: 0.7 },
    submitted: 'selmiri',
  },
  {
    text: 'Compensation should come from a fund paid into by every side.',
    lean: { keshani: -0.4, dorvak: 0.3, selmiri: 0.5 },
    submitted: 'dorvak',
  },
];

export function generateDemoDialogue(seed = 20_230_620, perCommunity = 12): DemoDialogue {
  const random = seededRandom(seed);
  const participants = communities.flatMap((community) =>
    Array.from({ length: perCommunity }, () => ({ community })),
  );
  const authorOf = (community: CommunityKey) => participants.findIndex((p) => p.community === community);
  const votes: DemoDialogue['votes'] = [];
  let minute = 0;
  for (const p of random.shuffle(participants.map((_, i) => i))) {
    const community = participants[p].community;
    // Most see every statement; a few leave early, as people do.
    const seen = random.chance(0.8) ? statements.length : random.int(7, statements.length - 1);
    for (const s of random.shuffle(statements.map((_, i) => i)).slice(0, seen)) {
      const lean = statements[s].lean[community];
      const roll = random.next() * 2 - 1 + lean;
      const vote: 1 | -1 | 0 = Math.abs(roll) < 0.25 ? 0 : roll > 0 ? 1 : -1;
      minute += random.int(0, 2);
      votes.push({ participant: p, statement: s, vote, minute });
    }
  }
  return {
    prompt: 'What should the Highlands and the Coast agree on first, so that the valley can live in peace?',
    statements: statements.map((s) => ({
      text: s.text,
      origin: s.submitted ? 'submitted' : 'seeded',
      author: s.submitted ? authorOf(s.submitted) : null,
    })),
    participants,
    votes,
  };
}
