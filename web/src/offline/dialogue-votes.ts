import { useEffect, useRef, useState } from 'react';
import { api, participantHeaders } from '../api/client.js';
import { discard, send, subscribe, type SendOutcome } from './queue.js';
import { onControlled, registerOffline } from './register.js';
import { readSnapshot, writeSnapshot } from './store.js';

/**
 * The participant dialogue page's offline side: votes go through the outbox (with their request id, so
 * a vote sent twice counts once and a later vote on the same statement, sent after it, wins); the
 * statements this device voted on are remembered, so the page can go on to the next statement without a
 * line; when the outbox for this dialogue empties, or a service worker takes over, `refresh` is called.
 */
export function useOfflineVoting(dialogueId: string, refresh: () => void) {
  const scope = `dialogue:${dialogueId}`;
  const memory = `voted:${dialogueId}`;
  const [votedHere, setVotedHere] = useState<ReadonlySet<string>>(new Set());
  const refreshRef = useRef(refresh);
  refreshRef.current = refresh;

  useEffect(() => {
    let live = true;
    void readSnapshot<string[]>(memory).then((ids) => {
      if (live && ids?.length) setVotedHere((current) => new Set([...current, ...ids]));
    });
    void registerOffline();
    // The page's first reads went out before the worker took over: read them again, so they are kept.
    const stopControlled = onControlled(() => {
      void api.get('/api/dialogues/{id}', { params: { path: { id: dialogueId } } }).catch(() => undefined);
      refreshRef.current();
    });
    let waited = 0;
    const stopWatching = subscribe((items) => {
      const mine = items.filter((item) => item.scope === scope && !item.refused);
      for (const item of mine) {
        const id = (item.body as { statement_id?: string }).statement_id;
        if (id) setVotedHere((current) => (current.has(id) ? current : new Set([...current, id])));
      }
      // Everything this page waited for has arrived: read the server's own next statement again.
      if (waited > 0 && mine.length === 0) refreshRef.current();
      waited = mine.length;
    });
    return () => {
      live = false;
      stopControlled();
      stopWatching();
    };
  }, [dialogueId]);

  async function vote(statementId: string, value: 1 | -1 | 0, requestId: string): Promise<SendOutcome> {
    const outcome = await send({
      id: requestId,
      kind: 'vote',
      scope,
      url: `/api/dialogues/${encodeURIComponent(dialogueId)}/votes`,
      body: { statement_id: statementId, vote: value, request_id: requestId },
      headers: participantHeaders(dialogueId),
    });
    if (outcome.state === 'refused') {
      // Shown by the page at once; not kept in the outbox.
      await discard(requestId);
      return outcome;
    }
    const next = new Set(votedHere);
    next.add(statementId);
    setVotedHere(next);
    const kept = (await readSnapshot<string[]>(memory)) ?? [];
    if (!kept.includes(statementId)) await writeSnapshot(memory, [...kept, statementId]);
    return outcome;
  }

  return { scope, votedHere, vote };
}
