import type { DialogueData } from '../deliberation/dialogue-data.js';
import type { PolisExport } from './polis-export.js';

/** A Pol.is export as the deliberation core's records; participants in the export's order. */
export function polisToDialogue(data: PolisExport): DialogueData {
  const participants = data.participants.map((p) => p.id);
  return {
    statements: data.comments.map((c) => ({ id: c.id, moderated: c.moderated, isMeta: c.isMeta ?? false })),
    votes: data.votes.map((v) => ({
      participant: v.voterId,
      statement: v.commentId,
      vote: v.vote,
      timestamp: v.timestamp,
    })),
    participants,
  };
}

/** Pol.is' own opinion groups (group-id) by participant id; unclustered participants are left out. */
export function polisGroups(data: PolisExport): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of data.participants) if (p.groupId !== null) out.set(p.id, p.groupId);
  return out;
}
