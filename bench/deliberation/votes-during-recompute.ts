/**
 * Does a full recompute of a large dialogue delay votes? A live dialogue of 100,000 participants x 2,000
 * statements (about 5 million votes) recomputes once inline and once on the worker thread, while votes
 * keep arriving every millisecond; reported: the longest gap between two votes taken (the event loop's
 * longest stall) and how many votes were taken during the recompute.
 * Run: npx tsx bench/deliberation/votes-during-recompute.ts [--participants N]
 */
import { seededPrng } from '../../src/deliberation/prng.js';
import { stopRecomputeWorker } from '../../src/deliberation/recompute-worker.js';
import type { VoteValue } from '../../src/deliberation/vote-matrix.js';
import type { Dialogue } from '../../src/domain/dialogue.js';
import { LiveDialogue } from '../../src/services/dialogues/live.js';

const arg = process.argv.indexOf('--participants');
const n = arg > 0 ? Number(process.argv[arg + 1]) : 100_000;
const m = 2_000;
const votesEach = 50;

function build(): LiveDialogue {
  const live = new LiveDialogue({ id: 'bench', seed: 0, strict_moderation: 0 } as unknown as Dialogue);
  for (let s = 0; s < m; s++)
    live.addStatement({ id: `s${s}`, number: s + 1, text: '', moderation: 'accepted', isMeta: false });
  const random = seededPrng(42);
  const leaning = Int8Array.from({ length: 4 * m }, () => (random.next() < 0.5 ? 1 : -1));
  for (let p = 0; p < n; p++) {
    const camp = p % 4;
    live.addParticipant({ id: `p${p}`, number: p + 1, groupId: null });
    for (let k = 0; k < votesEach; k++) {
      const s = Math.floor(random.next() * m);
      const u = random.next();
      const v = u < 0.65 ? leaning[camp * m + s] : u < 0.8 ? 0 : -leaning[camp * m + s];
      live.applyVote(`p${p}`, `s${s}`, v as VoteValue);
    }
  }
  return live;
}

async function measure(live: LiveDialogue, onWorker: boolean) {
  live.workerFrom = onWorker ? 0 : Number.POSITIVE_INFINITY;
  live.applyVote('p0', 's0', 1); // something to recompute
  const random = seededPrng(7);
  let votes = 0;
  let last = performance.now();
  let stall = 0;
  const voter = setInterval(() => {
    const now = performance.now();
    stall = Math.max(stall, now - last);
    last = now;
    live.applyVote(`p${Math.floor(random.next() * n)}`, `s${Math.floor(random.next() * m)}`, 1);
    votes++;
  }, 1);
  await new Promise((r) => setTimeout(r, 50));
  votes = 0;
  stall = 0;
  const t0 = performance.now();
  const analysis = await live.analyse();
  const wall = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 5));
  clearInterval(voter);
  return { wall, stall, votes, k: analysis.groups.groupCount };
}

const live = build();
console.log(`${n} participants x ${m} statements, ${live.voteCount} votes`);
for (const onWorker of [false, true]) {
  const r = await measure(live, onWorker);
  console.log(
    `${onWorker ? 'worker thread' : 'inline       '}: recompute ${r.wall.toFixed(0)} ms wall, k = ${r.k}; ` +
      `longest event-loop stall ${r.stall.toFixed(0)} ms; ${r.votes} votes taken meanwhile`,
  );
}
await stopRecomputeWorker();
