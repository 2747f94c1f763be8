import type {
  DialogueResults,
  RepresentativeResult,
  StatementResult,
} from '../../domain/dialogue-results.js';
import {
  MINIMUM_VOTES_PER_GROUP,
  scoredConsensus,
  type RepresentativeStatement,
} from '../../deliberation/index.js';
import * as repo from '../../store/repositories/dialogues.js';
import { inTransaction, type ServiceContext } from '../context.js';
import { liveDialogue, type LiveDialogue } from './live.js';
import { tallies } from './participation.js';
import { authorsHidden, requireDialogueAccess } from './dialogues.js';

/**
 * Results for conveners and researchers: the opinion map, the opinion groups, their representative
 * statements, consensus, and group-informed consensus over opinion groups and over declared sides
 * ("what do people of every side agree on?"). Participants appear only by their number in the dialogue.
 */

export type { DialogueResults, RepresentativeResult, StatementResult };

function representatives(live: LiveDialogue, list: RepresentativeStatement[]): RepresentativeResult[] {
  return list.map((r) => ({
    statement_id: live.state.statementIds[r.statement],
    type: r.type,
    metric: r.metric,
    probability: r.probability,
    repness: r.repness,
  }));
}

export async function dialogueResults(ctx: ServiceContext, dialogueId: string): Promise<DialogueResults> {
  const { dialogue, hidden, rows, sideGroups } = await inTransaction(ctx, async (trx) => {
    const { dialogue } = await requireDialogueAccess(trx, ctx.auth, 'dialogues.results', dialogueId);
    return {
      dialogue,
      hidden: await authorsHidden(trx, dialogue),
      rows: await repo.listStatements(trx, dialogueId),
      sideGroups: dialogue.divide_id ? await repo.groupsOfDivide(trx, dialogue.divide_id) : [],
    };
  });
  const live = await liveDialogue(ctx.db, dialogueId);
  const analysis = await live.analyse();
  const results = live.results(true);
  const { agree, disagree, pass } = tallies(live);
  const index = new Map(live.state.statementIds.map((id, i) => [id, i]));
  const ids = live.state.participantIds;
  const numberOf = (r: number) => live.participants.get(ids[r])!.number;
  const groups = Array.from({ length: analysis.groups.groupCount }, (_, g) => ({
    id: g,
    members: [] as number[],
  }));
  const opinionMap: DialogueResults['opinion_map'] = [];
  const voters = new Set<string>();
  for (const [p, votes] of live.votedBy) if (votes.size) voters.add(p);
  ids.forEach((id, r) => {
    // Participants who came during a background recompute are placed on the map at the next one.
    if (!voters.has(id) || r >= analysis.groups.groupOf.length) return;
    const g = analysis.groups.groupOf[r];
    if (g >= 0) groups[g].members.push(numberOf(r));
    opinionMap.push({
      participant: numberOf(r),
      x: analysis.projection[2 * r],
      y: analysis.projection[2 * r + 1],
      group: g >= 0 ? g : null,
    });
  });
  const sidesDeclared = [...live.participants.values()].some((p) => p.groupId !== null);
  const statements = rows.map((row) => {
    const s = index.get(row.id)!;
    return {
      id: row.id,
      number: row.number,
      text: row.text,
      origin: row.origin,
      moderation: row.moderation,
      author: hidden ? null : row.author_number,
      agree: agree[s],
      disagree: disagree[s],
      pass: pass[s],
      group_informed_consensus: scoredConsensus(results.groupInformedConsensus[s], results.enoughVotes[s]),
      fewest_group_votes: results.fewestGroupVotes[s],
      side_informed_consensus:
        sidesDeclared && results.sideInformedConsensus && results.sideEnoughVotes
          ? scoredConsensus(results.sideInformedConsensus[s], results.sideEnoughVotes[s])
          : null,
      priority: results.priority[s],
    };
  });
  const repness: Record<string, RepresentativeResult[]> = {};
  results.repness.forEach((list, g) => (repness[String(g)] = representatives(live, list)));
  let sides: DialogueResults['sides'] = null;
  if (sidesDeclared && results.sideRepness) {
    const count = new Map<string, number>();
    for (const p of live.participants.values()) {
      if (p.groupId !== null && voters.has(p.id)) count.set(p.groupId, (count.get(p.groupId) ?? 0) + 1);
    }
    const sideRepness: Record<string, RepresentativeResult[]> = {};
    for (const g of sideGroups) {
      const side = live.sideIndex.get(g.id);
      if (side !== undefined && results.sideRepness[side])
        sideRepness[g.id] = representatives(live, results.sideRepness[side]);
    }
    sides = {
      groups: sideGroups.map((g) => ({ group_id: g.id, name: g.name, participants: count.get(g.id) ?? 0 })),
      repness: sideRepness,
    };
  }
  return {
    dialogue,
    participants: voters.size,
    votes: live.voteCount,
    authors_hidden: hidden,
    minimum_votes_per_group: MINIMUM_VOTES_PER_GROUP,
    statements,
    groups,
    opinion_map: opinionMap,
    repness,
    consensus: {
      agree: results.consensus.agree.map((c) => live.state.statementIds[c.statement]),
      disagree: results.consensus.disagree.map((c) => live.state.statementIds[c.statement]),
    },
    sides,
  };
}
