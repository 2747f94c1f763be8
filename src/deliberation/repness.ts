import type { GroupTallies } from './group-tallies.js';
import { proportionTest, significantAt90, twoProportionTest } from './z-tests.js';

/**
 * Representativeness (Pol.is' repness): what sets a group apart from the rest. For each group and
 * statement, the group's agree (and disagree) rate against the rest's, with a one-sample and a
 * two-sample z-test; a statement is representative when both tests pass at 90% (z > 1.2816).
 * Up to 5 per group, the best agreed statement first, agrees before disagrees.
 */
export interface RepresentativeStatement {
  statement: number;
  type: 'agree' | 'disagree';
  /** repness x its test x probability x its test: Pol.is' ranking metric. */
  metric: number;
  successes: number;
  trials: number;
  probability: number;
  probabilityTest: number;
  repness: number;
  repnessTest: number;
  bestAgree?: boolean;
}

interface StatementStats {
  statement: number;
  na: number;
  nd: number;
  ns: number;
  pa: number;
  pd: number;
  pat: number;
  pdt: number;
  ra: number;
  rd: number;
  rat: number;
  rdt: number;
}

function statsFor(tallies: GroupTallies, g: number, s: number): StatementStats {
  const m = tallies.statementCount;
  const na = tallies.agree[g * m + s];
  const nd = tallies.disagree[g * m + s];
  const ns = tallies.seen[g * m + s];
  let restA = 0;
  let restD = 0;
  let restS = 0;
  for (let h = 0; h < tallies.groupCount; h++) {
    if (h === g) continue;
    restA += tallies.agree[h * m + s];
    restD += tallies.disagree[h * m + s];
    restS += tallies.seen[h * m + s];
  }
  const pa = (1 + na) / (2 + ns);
  const pd = (1 + nd) / (2 + ns);
  return {
    statement: s,
    na,
    nd,
    ns,
    pa,
    pd,
    pat: proportionTest(na, ns),
    pdt: proportionTest(nd, ns),
    ra: pa / ((1 + restA) / (2 + restS)),
    rd: pd / ((1 + restD) / (2 + restS)),
    rat: twoProportionTest(na, restA, ns, restS),
    rdt: twoProportionTest(nd, restD, ns, restS),
  };
}

function finalise(st: StatementStats): RepresentativeStatement {
  const agree = st.rat > st.rdt;
  const [successes, probability, probabilityTest, repness, repnessTest] = agree
    ? [st.na, st.pa, st.pat, st.ra, st.rat]
    : [st.nd, st.pd, st.pdt, st.rd, st.rdt];
  return {
    statement: st.statement,
    type: agree ? 'agree' : 'disagree',
    metric: repness * repnessTest * probability * probabilityTest,
    successes,
    trials: st.ns,
    probability,
    probabilityTest,
    repness,
    repnessTest,
  };
}

function passesByTest(st: StatementStats): boolean {
  return (
    (significantAt90(st.rat) && significantAt90(st.pat)) ||
    (significantAt90(st.rdt) && significantAt90(st.pdt))
  );
}

function beatsBestAgree(st: StatementStats, best: StatementStats | undefined): boolean {
  if (st.na === 0 && st.nd === 0) return false;
  if (best && best.ra > 1) return st.ra * st.rat * st.pa * st.pat > best.ra * best.rat * best.pa * best.pat;
  if (best) return st.pa * st.pat > best.pa * best.pat;
  return significantAt90(st.pat) || (st.ra > 1 && st.pa > 0.5);
}

/** Representative statements per group; `excluded` statements (moderated out) are never chosen. */
export function representativeStatements(
  tallies: GroupTallies,
  excluded: Uint8Array,
  limit = 5,
): RepresentativeStatement[][] {
  const out: RepresentativeStatement[][] = [];
  for (let g = 0; g < tallies.groupCount; g++) {
    const sufficient: RepresentativeStatement[] = [];
    let best: RepresentativeStatement | undefined;
    let bestAgree: StatementStats | undefined;
    for (let s = 0; s < tallies.statementCount; s++) {
      if (excluded[s]) continue;
      const st = statsFor(tallies, g, s);
      if (passesByTest(st)) sufficient.push(finalise(st));
      if (sufficient.length === 0 && (!best || Math.max(st.rat, st.rdt) > best.repnessTest))
        best = finalise(st);
      if (beatsBestAgree(st, bestAgree)) bestAgree = st;
    }
    const head: RepresentativeStatement[] = [];
    if (bestAgree) head.push({ ...finalise(bestAgree), bestAgree: true });
    let chosen: RepresentativeStatement[];
    if (sufficient.length === 0) chosen = head.length ? head : best ? [best] : [];
    else {
      const rest = sufficient
        .filter((r) => r.statement !== bestAgree?.statement)
        .sort((a, b) => b.metric - a.metric || a.statement - b.statement);
      chosen = [...head, ...rest].slice(0, limit);
      chosen = [...chosen.filter((r) => r.type === 'agree'), ...chosen.filter((r) => r.type === 'disagree')];
    }
    out.push(chosen);
  }
  return out;
}
