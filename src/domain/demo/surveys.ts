import type { WorkspaceDocument } from '../../interchange/workspace-json-schema.js';
import type { SurveyAnswer, SurveyWaveKind } from '../survey.js';
import type { Gender } from '../vocabulary.js';
import { seededRandom, type Random } from './random.js';
import { byText } from '../order.js';

/**
 * The demo's surveys: each initiative's participants, and a comparison group of people from the same
 * communities who took no part, answer the feeling thermometer and out-group trust about the other
 * communities at baseline (before the first meeting), after the last held meeting, and six months
 * later. Drawn from a seeded generator with a plausible effect: participants warm by about 6 degrees
 * plus 1.5 per meeting attended, keep about 70% of it at follow-up, and the comparison group drifts
 * by about 1 degree. Fictional, like the rest of the demo.
 */

export const demoSurveySeed = 5_019;

export interface DemoSurveyRespondent {
  key: string;
  arm: 'participant' | 'comparison';
  /** The document's actor id, for participants. */
  actor_id: string | null;
  /** A comparison respondent's pseudonym. */
  pseudonym: string | null;
  side: string | null;
  gender: Gender | null;
}

export interface DemoSurvey {
  initiative_id: string;
  title: string;
  out_groups: string[];
  waves: { kind: SurveyWaveKind; opens_on: string; closes_on: string; after_meeting_id: string | null }[];
  respondents: DemoSurveyRespondent[];
  answers: { respondent: string; wave: SurveyWaveKind; language: 'en' | 'fr'; answers: SurveyAnswer[] }[];
}

function shiftDate(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function normal(random: Random): number {
  return Math.sqrt(-2 * Math.log(random.next() + 1e-12)) * Math.cos(2 * Math.PI * random.next());
}

const clamp = (x: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, Math.round(x)));
const trustItems = ['trust_general', 'trust_word', 'trust_suspicion', 'trust_interests'] as const;

/** One answer sheet from a latent warmth (0-100) toward the out-groups. */
function sheet(random: Random, warmth: number, outGroups: readonly string[]): SurveyAnswer[] {
  return outGroups.flatMap((outGroup) => [
    {
      instrument: 'feeling-thermometer',
      out_group: outGroup,
      item: 'warmth',
      value: clamp(warmth + 6 * normal(random), 0, 100),
    },
    ...trustItems.map((item) => {
      const agree = clamp(1 + (warmth / 100) * 6 + 0.8 * normal(random), 1, 7);
      return {
        instrument: 'outgroup-trust',
        out_group: outGroup,
        item,
        value: item === 'trust_suspicion' ? 8 - agree : agree,
      };
    }),
  ]);
}

export function generateDemoSurveys(doc: WorkspaceDocument, seed: number = demoSurveySeed): DemoSurvey[] {
  const random = seededRandom(seed);
  const surveys: DemoSurvey[] = [];
  for (const initiative of doc.initiatives) {
    const conflict = doc.conflicts.find((c) => c.id === initiative.conflict_id);
    const divide = conflict?.divides[0];
    if (!divide) continue;
    const groupName = new Map(divide.groups.map((g) => [g.id, g.name]));
    const sideOf = (actorId: string) => {
      const actor = doc.actors.find((a) => a.id === actorId);
      const membership = actor?.groups.find((g) => g.divide_id === divide.id);
      return membership ? (groupName.get(membership.group_id) ?? null) : null;
    };
    const held = doc.meetings
      .filter((m) => m.initiative_id === initiative.id && m.status === 'held')
      .sort((a, b) => byText(a.held_on, b.held_on));
    if (held.length === 0) continue;
    const dose = new Map<string, number>();
    for (const meeting of held) {
      for (const a of meeting.attendances) {
        if (a.role === 'participant') dose.set(a.actor_id, (dose.get(a.actor_id) ?? 0) + 1);
      }
    }
    const participants = [...dose.keys()].sort();
    const first = held[0];
    const last = held[held.length - 1];
    const waves: DemoSurvey['waves'] = [
      {
        kind: 'baseline',
        opens_on: shiftDate(first.held_on, -21),
        closes_on: shiftDate(first.held_on, -1),
        after_meeting_id: null,
      },
      {
        kind: 'post',
        opens_on: shiftDate(last.held_on, 1),
        closes_on: shiftDate(last.held_on, 30),
        after_meeting_id: last.id,
      },
      {
        kind: 'follow_up',
        opens_on: shiftDate(last.held_on, 180),
        closes_on: shiftDate(last.held_on, 210),
        after_meeting_id: last.id,
      },
    ];
    const sides = divide.groups.map((g) => g.name);
    const respondents: DemoSurveyRespondent[] = participants.map((actorId) => ({
      key: actorId,
      arm: 'participant',
      actor_id: actorId,
      pseudonym: null,
      side: sideOf(actorId),
      gender: doc.actors.find((a) => a.id === actorId)?.gender ?? null,
    }));
    const comparisonSize = Math.max(8, participants.length);
    const prefix = initiative.id
      .replace(/^initiative-/, '')
      .slice(0, 3)
      .toUpperCase();
    for (let i = 0; i < comparisonSize; i++) {
      respondents.push({
        key: `${initiative.id}-comparison-${i + 1}`,
        arm: 'comparison',
        actor_id: null,
        pseudonym: `CMP-${prefix}-${String(i + 1).padStart(2, '0')}`,
        side: sides[i % sides.length],
        gender: random.chance(0.45) ? 'woman' : 'man',
      });
    }
    const answers: DemoSurvey['answers'] = [];
    for (const respondent of respondents) {
      const outGroups = sides.filter((s) => s !== respondent.side);
      const base = 38 + 12 * normal(random);
      const meetings = respondent.actor_id ? (dose.get(respondent.actor_id) ?? 0) : 0;
      const gain =
        respondent.arm === 'participant' ? 6 + 1.5 * meetings + 4 * normal(random) : 1 + 3 * normal(random);
      const language = random.chance(0.3) ? 'fr' : 'en';
      const levels: [SurveyWaveKind, number, number][] = [
        ['baseline', base, 1],
        ['post', base + gain, 0.93],
        ['follow_up', base + 0.7 * gain + 2 * normal(random), 0.85],
      ];
      for (const [wave, warmth, response] of levels) {
        // Some people do not answer every wave: attrition grows with time, as in real panels.
        if (!random.chance(response)) continue;
        answers.push({
          respondent: respondent.key,
          wave,
          language,
          answers: sheet(random, warmth, outGroups),
        });
      }
    }
    surveys.push({
      initiative_id: initiative.id,
      title: `${initiative.name}: attitudes across the divide`,
      out_groups: sides,
      waves,
      respondents,
      answers,
    });
  }
  return surveys;
}
