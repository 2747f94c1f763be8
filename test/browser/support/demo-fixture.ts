import { createAccount, grantMembership, grantWorkspaceAdmin } from '../../../src/security/accounts.js';
import { systemAuth } from '../../../src/security/auth.js';
import { loadDemoWorkspace, type DemoWorkspaceIds } from '../../../src/services/demo/index.js';
import type { MembershipRole } from '../../../src/security/access.js';
import type { RunningServer } from './harness.js';

export interface Person {
  email: string;
  password: string;
}

export interface DemoFixture {
  demo: DemoWorkspaceIds;
  admin: Person;
  /** Three participants of the demo's dialogue initiative only. */
  dialogueParticipant: Person;
  dialogueParticipants: Person[];
  /** A participant of the demo's council initiative only. */
  councilParticipant: Person;
}

const password = 'a long test passphrase for tracktwo';

/** The demo workspace, its administrator, and one participant in each of its two initiatives. */
export async function loadDemoFixture(server: RunningServer): Promise<DemoFixture> {
  const demo = await loadDemoWorkspace(server.store.db, server.keys);
  const system = systemAuth('browser test fixture');
  const people = {
    admin: { email: 'admin@browser.test', password },
    dialogueParticipant: { email: 'dialogue@browser.test', password },
    councilParticipant: { email: 'council@browser.test', password },
  };
  const others = [2, 3].map((n) => ({ email: `dialogue${n}@browser.test`, password }));
  await server.store.db.transaction().execute(async (trx) => {
    const admin = await createAccount(trx, server.keys, system, {
      ...people.admin,
      displayName: 'Test Admin',
    });
    await grantWorkspaceAdmin(trx, server.keys, system, {
      workspaceId: demo.workspaceId,
      accountId: admin.id,
    });
    const grants: [Person, string, MembershipRole][] = [
      [people.dialogueParticipant, demo.initiativeIds.dialogue, 'participant'],
      [people.councilParticipant, demo.initiativeIds.council, 'participant'],
      ...others.map((person): [Person, string, MembershipRole] => [
        person,
        demo.initiativeIds.dialogue,
        'participant',
      ]),
    ];
    for (const [person, initiativeId, role] of grants) {
      const account = await createAccount(trx, server.keys, system, {
        ...person,
        displayName: person.email.split('@')[0],
      });
      await grantMembership(trx, server.keys, system, { accountId: account.id, initiativeId, role });
    }
  });
  return { demo, ...people, dialogueParticipants: [people.dialogueParticipant, ...others] };
}
