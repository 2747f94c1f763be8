import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { twilioSignature } from '../../src/channels/twilio-signature.js';
import { loadDemoWorkspace } from '../../src/services/demo/index.js';
import { forEachEngine, listTables } from '../support/databases.js';
import { freePort } from '../support/free-port.js';
import { testApp, testKeys } from '../server/support/app.js';

const TOKEN = 'test-auth-token-12345';
const USSD_KEY = 'ussd-secret-key';
const PHONE = '+252615550123';
const USSD_PHONE = '+254711555987';

/** Real HTTP to the listening server, with Twilio's form fields, signed as Twilio signs. */
forEachEngine('channels: SMS and USSD webhooks on the running server', (getDb, engine) => {
  let app: FastifyInstance;
  let base: string;
  let dialogueId: string;
  let sid = 0;
  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    process.env.TRACKTWO_TWILIO_AUTH_TOKEN = TOKEN;
    process.env.TRACKTWO_PUBLIC_URL = 'https://tracktwo.example.org';
    process.env.TRACKTWO_USSD_KEY = USSD_KEY;
    process.env.TRACKTWO_CHANNEL_RATE = '40';
    const keys = testKeys();
    await loadDemoWorkspace(getDb(), keys);
    dialogueId = (
      await getDb()
        .selectFrom('dialogue_channels')
        .select('dialogue_id')
        .where('sms_keyword', '=', 'DEMO')
        .executeTakeFirstOrThrow()
    ).dialogue_id;
    app = await testApp(getDb(), engine.dialect, {}, keys);
    await app.listen({ port, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await app?.close();
  });

  const sms = async (
    body: string,
    options: { messageSid?: string; signature?: string; from?: string } = {},
  ) => {
    const fields: Record<string, string> = {
      From: options.from ?? PHONE,
      To: '+15005550006',
      Body: body,
      MessageSid: options.messageSid ?? `SM${String(++sid).padStart(32, '0')}`,
    };
    const signature =
      options.signature ?? twilioSignature(TOKEN, 'https://tracktwo.example.org/hooks/sms/twilio', fields);
    const response = await fetch(`${base}/hooks/sms/twilio`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
      body: new URLSearchParams(fields).toString(),
    });
    return { status: response.status, text: await response.text(), sid: fields.MessageSid };
  };
  const ussd = async (text: string, session = 'ATUid_session1', key = USSD_KEY) => {
    const response = await fetch(`${base}/hooks/ussd/africastalking?key=${encodeURIComponent(key)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        sessionId: session,
        serviceCode: '*384*123#',
        phoneNumber: USSD_PHONE,
        text,
      }).toString(),
    });
    return { status: response.status, text: await response.text() };
  };
  const votes = async () =>
    await getDb()
      .selectFrom('dialogue_votes')
      .select(['participant_id', 'statement_id', 'vote'])
      .where('dialogue_id', '=', dialogueId)
      .execute();
  const channelRows = async () =>
    (await getDb().selectFrom('channel_participants').selectAll().execute()).length;

  it('answers a bad signature 403 and changes nothing', async () => {
    const before = { votes: (await votes()).length, rows: await channelRows() };
    const bad = await sms('JOIN DEMO', { signature: 'bm90IGEgc2lnbmF0dXJl' });
    expect(bad.status).toBe(403);
    const unsigned = await sms('JOIN DEMO', { signature: '' });
    expect(unsigned.status).toBe(403);
    expect({ votes: (await votes()).length, rows: await channelRows() }).toEqual(before);
  });

  it('holds a whole dialogue by SMS: join, vote, retried and late replies, statement, language, stop', async () => {
    const joined = await sms('JOIN DEMO');
    expect(joined.status).toBe(200);
    expect(joined.text).toMatch(/^<\?xml[^>]*><Response><Message>Welcome\./u);
    const first = Number(/#(\d+) /u.exec(joined.text)![1]);
    const before = (await votes()).length;
    const voted = await sms('1');
    expect(voted.text).toContain('Vote saved.');
    expect((await votes()).length).toBe(before + 1);
    // Twilio retries with the same MessageSid: the same answer, no second vote.
    const again = await sms('1', { messageSid: voted.sid });
    expect(again.text).toBe(voted.text);
    expect((await votes()).length).toBe(before + 1);
    // A late reply to the first statement sent: it lands on that statement, replacing the vote.
    await sms('0');
    const late = await sms(`${first} 2`);
    expect(late.status).toBe(200);
    const mine = await votes();
    const statement = await getDb()
      .selectFrom('dialogue_statements')
      .select('id')
      .where('dialogue_id', '=', dialogueId)
      .where('number', '=', first)
      .executeTakeFirstOrThrow();
    const participant = await getDb()
      .selectFrom('channel_participants')
      .select('participant_id')
      .executeTakeFirstOrThrow();
    expect(
      mine.find((v) => v.statement_id === statement.id && v.participant_id === participant.participant_id)
        ?.vote,
    ).toBe(-1);
    expect((await sms('99999 1')).text).toContain('#99999 was not sent to you');
    const french = await sms('LANG fr');
    expect(french.text).toContain('Langue : français.');
    expect((await sms('1')).text).toContain('Vote enregistré.');
    expect((await sms('what is this')).text).toContain('Envoyez JOIN');
    const arabic = await sms('LANG ar');
    expect(arabic.text).toContain('اللغة: العربية.');
    const submitted = await sms('S Wells should be shared by all villages in dry season');
    expect(submitted.text).toContain('شكرًا');
    const stored = await getDb()
      .selectFrom('dialogue_statements')
      .select(['origin', 'author_participant_id'])
      .where('text', '=', 'Wells should be shared by all villages in dry season')
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ origin: 'submitted', author_participant_id: participant.participant_id });
    const stop = await sms('STOP');
    expect(stop.text).toContain('JOIN DEMO');
    // After STOP a vote is not taken: the number is told how to join.
    const n = (await votes()).length;
    expect((await sms('1')).text).toContain('Text JOIN');
    expect((await votes()).length).toBe(n);
  });

  it('slows a number that texts too fast, without failing', async () => {
    let slowed = 0;
    for (let i = 0; i < 45; i++) {
      const r = await sms('HELP', { from: '+243810000111' });
      expect(r.status).toBe(200);
      if (r.text.includes('too fast')) slowed++;
    }
    expect(slowed).toBeGreaterThan(0);
  });

  it('holds a dialogue by USSD: menu, join, vote, retried callback, statement; a wrong key is 403', async () => {
    const before = { votes: (await votes()).length, rows: await channelRows() };
    expect((await ussd('', 'ATUid_bad', 'wrong')).status).toBe(403);
    expect(
      (
        await fetch(`${base}/hooks/ussd/africastalking`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: 'sessionId=x&phoneNumber=1&text=',
        })
      ).status,
    ).toBe(403);
    expect({ votes: (await votes()).length, rows: await channelRows() }).toEqual(before);
    const menu = await ussd('');
    expect(menu.text).toMatch(/^CON Choose a dialogue:\n1 /u);
    expect((await ussd('1')).text).toMatch(/^CON .*\n1 Read and vote/su);
    const statement = await ussd('1*1');
    expect(statement.text).toMatch(/^CON #\d+ /u);
    const voted = await ussd('1*1*1');
    expect(voted.text).toMatch(/^(CON #\d+ |END )/u);
    expect((await votes()).length).toBe(before.votes + 1);
    expect((await ussd('1*1*1')).text).toBe(voted.text);
    expect((await votes()).length).toBe(before.votes + 1);
    expect((await ussd('1*1*1*2')).text).toMatch(/^(CON|END) /u);
    expect((await votes()).length).toBe(before.votes + 2);
    expect((await ussd('1*2', 'ATUid_session2')).text).toBe('CON Type your statement:');
    expect((await ussd('1*2*Grazing routes need marking', 'ATUid_session2')).text).toContain('END Thank you');
    expect((await ussd('1*4*2', 'ATUid_session3')).text).toContain('Langue : français.');
  });

  it('keeps no phone number in plaintext in any table', async () => {
    const numbers = [PHONE, USSD_PHONE, '+243810000111'].flatMap((n) => [n, n.slice(1), n.slice(4)]);
    for (const table of await listTables(getDb())) {
      const rows = await getDb()
        .selectFrom(table as 'dialogues')
        .selectAll()
        .execute();
      const text = JSON.stringify(rows);
      for (const number of numbers) expect(text.includes(number), `${number} in ${table}`).toBe(false);
    }
  });
});
