import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { generateDemoWorkspace } from '../../src/domain/demo/index.js';
import { verifyAuditChain } from '../../src/security/audit.js';
import { getIdentity, createVaultKeys } from '../../src/security/vault.js';
import { listActors } from '../../src/store/repositories/actors.js';
import { listTies } from '../../src/store/repositories/ties.js';
import { loadDemoWorkspace, type DemoWorkspaceIds } from '../../src/services/demo/index.js';
import { countRows, forEachEngine } from '../support/databases.js';

const demo = generateDemoWorkspace();
const personNames = demo
  .identities!.filter((identity, i) => demo.actors[i].kind === 'person')
  .flatMap((i) => i.names);

forEachEngine('the demo workspace in the store', (getDb, engine) => {
  const keys = createVaultKeys(randomBytes(32));
  let loaded: DemoWorkspaceIds;
  beforeAll(async () => {
    loaded = await loadDemoWorkspace(getDb(), keys);
  });

  it('holds every actor, tie, meeting and outcome of the generator', async () => {
    const db = getDb();
    const actors = await listActors(db, loaded.workspaceId, { limit: 1000, include_erased: true });
    expect(actors.total).toBe(demo.actors.length);
    const ties = await listTies(db, loaded.workspaceId, { limit: 5000 });
    expect(ties.total).toBe(demo.ties.length);
    expect(ties.items.filter((t) => t.kind === 'met')).toHaveLength(
      demo.ties.filter((t) => t.kind === 'met').length,
    );
    expect(await countRows(db, 'meetings')).toBeGreaterThanOrEqual(8);
    expect(await countRows(db, 'transfers')).toBeGreaterThanOrEqual(2);
    expect(await countRows(db, 'actor_identities')).toBeGreaterThanOrEqual(demo.actors.length);
  });

  it('keeps names in the vault only, readable with the keys, and audits every write', async () => {
    const db = getDb();
    const someone = loaded.ids['actor-001'];
    const identity = await getIdentity(db, keys, loaded.workspaceId, someone);
    expect(identity?.names).toEqual(demo.identities![0].names);
    const verdict = await verifyAuditChain(db, keys);
    expect(verdict.ok).toBe(true);
    expect(verdict.rows).toBeGreaterThan(demo.actors.length + demo.ties.length);
  });

  if (engine.dialect === 'sqlite') {
    it('leaves none of the demo’s person names in the SQLite files', async () => {
      const file = engine.getUrl().replace(/^sqlite:/, '');
      const dir = dirname(file);
      const files = readdirSync(dir)
        .filter((name) => name.startsWith(basename(file)))
        .map((name) => join(dir, name));
      const text = files.map((path) => readFileSync(path).toString('latin1')).join('\n');
      // The grep sees the records (the conflict's name is stored as is), yet no person's name.
      expect(text).toContain('Republic of Arvandia');
      const found = personNames.filter((name) => text.includes(name) || text.includes(name.split(' ')[1]));
      expect(found).toEqual([]);
    });
  }
});
