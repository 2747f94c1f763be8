import { MINIMUM_VOTES_PER_GROUP } from '../../src/deliberation/consensus.js';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { captureIo } from '../../src/cli/io.js';
import { parsePolisComments } from '../../src/interchange/polis-export.js';
import type { DialogueReport } from '../../src/deliberation/analysis.js';
import { fixture } from '../support/fixtures.js';

const dir = fixture('polis', 'bg2050-volunteers');

describe('tracktwo dialogue analyze', () => {
  it("reproduces Pol.is' group-informed consensus on bg2050-volunteers with the export's groups", async () => {
    const io = captureIo();
    const code = await main(
      ['node', 'tracktwo', 'dialogue', 'analyze', '--polis', dir, '--format', 'json', '--groups-from-export'],
      io,
    );
    expect(code, io.stderr).toBe(0);
    const report = JSON.parse(io.stdout) as DialogueReport;
    const { comments } = parsePolisComments(readFileSync(`${dir}/comments.csv`, 'utf8'));
    expect(report.statements).toBe(371);
    expect(report.statementStats).toHaveLength(371);
    const byId = new Map(report.statementStats.map((s) => [s.id, s]));
    let unscored = 0;
    for (const c of comments) {
      expect(c.groupInformedConsensus).toBeDefined();
      const ours = byId.get(c.id)!;
      // Pol.is' number, computed for every statement, equals the export's.
      expect(Math.abs(ours.polisGroupInformedConsensus - c.groupInformedConsensus!)).toBeLessThan(1e-12);
      // The score shown applies the minimum-votes rule: none where some group cast too few votes.
      if (ours.fewestGroupVotes >= MINIMUM_VOTES_PER_GROUP)
        expect(ours.groupInformedConsensus).toBe(ours.polisGroupInformedConsensus);
      else {
        expect(ours.groupInformedConsensus).toBeNull();
        unscored++;
      }
    }
    // bg2050's small group (8 members) leaves many statements with fewer than 3 of its votes.
    expect(unscored).toBeGreaterThan(0);
    expect(unscored).toBeLessThan(371);
    expect(report.groups.map((g) => [g.id, g.members.length])).toEqual([
      [0, 100],
      [1, 8],
    ]);
  });

  it('prints the minimum-votes rule and how many statements have not enough votes, as text', async () => {
    const io = captureIo();
    const code = await main(
      ['node', 'tracktwo', 'dialogue', 'analyze', '--polis', dir, '--groups-from-export'],
      io,
    );
    expect(code, io.stderr).toBe(0);
    expect(io.stdout).toContain(
      `scored only where every group cast at least ${MINIMUM_VOTES_PER_GROUP} votes`,
    );
    const printed = /not enough votes: (\d+) statement/.exec(io.stdout);
    expect(printed).not.toBeNull();
    const json = captureIo();
    await main(
      ['node', 'tracktwo', 'dialogue', 'analyze', '--polis', dir, '--groups-from-export', '--format', 'json'],
      json,
    );
    const report = JSON.parse(json.stdout) as DialogueReport;
    const expected = report.statementStats.filter(
      (s) => !s.moderatedOut && s.groupInformedConsensus === null,
    );
    expect(Number(printed![1])).toBe(expected.length);
    // Unscored statements are never listed as common ground.
    for (const s of expected) expect(io.stdout).not.toContain(`  ${s.id}\t`);
  });

  it('prints the contract fields for computed groups', async () => {
    const io = captureIo();
    const code = await main(
      ['node', 'tracktwo', 'dialogue', 'analyze', '--polis', dir, '--format', 'json', '--seed', '3'],
      io,
    );
    expect(code, io.stderr).toBe(0);
    const report = JSON.parse(io.stdout) as DialogueReport;
    expect(report.participants).toBe(126);
    expect(report.groups.length).toBeGreaterThanOrEqual(2);
    for (const [gid, list] of Object.entries(report.repness)) {
      expect(report.groups.some((g) => String(g.id) === gid)).toBe(true);
      expect(list.length).toBeLessThanOrEqual(5);
      for (const r of list) expect(['agree', 'disagree']).toContain(r.type);
    }
    const stat = report.statementStats[0];
    expect(Object.keys(stat)).toEqual(
      expect.arrayContaining(['id', 'groupInformedConsensus', 'agree', 'disagree', 'pass']),
    );
    expect(Array.isArray(report.consensus.agree) && Array.isArray(report.consensus.disagree)).toBe(true);
    expect(report.opinionMap).toHaveLength(126);
  });

  it('fails with a coded error on a folder without comments.csv', async () => {
    const io = captureIo();
    const code = await main(['node', 'tracktwo', 'dialogue', 'analyze', '--polis', '/nonexistent'], io);
    expect(code).toBe(2);
    expect(io.stderr).toContain('TT_ERR_FILE_NOT_FOUND');
  });
});
