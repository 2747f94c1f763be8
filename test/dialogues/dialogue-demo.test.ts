import { describe, expect, it } from 'vitest';
import { generateDemoDialogue } from '../../src/domain/demo/dialogue.js';
import { systemAuth } from '../../src/security/auth.js';
import { actingAs } from '../../src/services/context.js';
import { loadDemoWorkspace } from '../../src/services/demo/index.js';
import { dialogueResults } from '../../src/services/dialogues/index.js';
import { listDialogues } from '../../src/services/dialogues/index.js';
import { testKeys } from '../server/support/app.js';
import { forEachEngine } from '../support/databases.js';

describe('the demo dialogue', () => {
  it('is the same on every run, with voters of all three communities on every statement', () => {
    const demo = generateDemoDialogue();
    expect(generateDemoDialogue()).toEqual(demo);
    expect(generateDemoDialogue(1)).not.toEqual(demo);
    for (let s = 0; s < demo.statements.length; s++) {
      const communities = new Set(
        demo.votes.filter((v) => v.statement === s).map((v) => demo.participants[v.participant].community),
      );
      expect(communities.size, `statement ${s}`).toBe(3);
    }
  });
});

forEachEngine('the demo workspace holds a dialogue with results to show', (getDb, engine) => {
  it('gives opinion groups, common ground across the three declared communities, and hides authors', async () => {
    const keys = testKeys();
    const ids = await loadDemoWorkspace(getDb(), keys);
    const system = actingAs({ db: getDb(), dialect: engine.dialect, keys, auth: null }, systemAuth('test'));
    const [dialogue] = await listDialogues(system, ids.initiativeIds.dialogue);
    const results = await dialogueResults(system, dialogue.id);
    const demo = generateDemoDialogue();
    expect(results.participants).toBe(demo.participants.length);
    expect(results.groups.length).toBeGreaterThanOrEqual(2);
    expect(results.sides?.groups.map((g) => g.participants)).toEqual([12, 12, 12]);
    expect(results.authors_hidden).toBe(true);
    expect(results.statements.every((s) => s.author === null)).toBe(true);
    const top = [...results.statements].sort(
      (a, b) => b.side_informed_consensus! - a.side_informed_consensus!,
    );
    expect(top[0].text).toContain('school');
  });
});
