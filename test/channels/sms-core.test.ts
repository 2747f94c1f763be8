import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSms } from '../../src/channels/sms-commands.js';
import { messageSize, splitSms } from '../../src/channels/sms-parts.js';
import { CHANNEL_LANGUAGES, REPLIES } from '../../src/channels/replies.js';
import { twilioSignature, validTwilioSignature, twiml } from '../../src/channels/twilio-signature.js';

describe('SMS commands', () => {
  it('reads the commands of the issue', () => {
    expect(parseSms('JOIN kismayo')).toEqual({ kind: 'join', keyword: 'KISMAYO' });
    expect(parseSms(' 1 ')).toEqual({ kind: 'vote', vote: 1, number: null });
    expect(parseSms('2')).toEqual({ kind: 'vote', vote: -1, number: null });
    expect(parseSms('0.')).toEqual({ kind: 'vote', vote: 0, number: null });
    expect(parseSms('12 1')).toEqual({ kind: 'vote', vote: 1, number: 12 });
    expect(parseSms('#7 2')).toEqual({ kind: 'vote', vote: -1, number: 7 });
    expect(parseSms('S Share the wells')).toEqual({ kind: 'statement', text: 'Share the wells' });
    expect(parseSms('LANG so')).toEqual({ kind: 'language', code: 'so' });
    expect(parseSms('stop')).toEqual({ kind: 'stop' });
    expect(parseSms('HELP')).toEqual({ kind: 'help' });
    expect(parseSms('')).toEqual({ kind: 'help' });
    expect(parseSms('demo')).toEqual({ kind: 'word', word: 'DEMO' });
    expect(parseSms('what is this')).toEqual({ kind: 'unknown' });
    expect(parseSms('12 7')).toEqual({ kind: 'unknown' });
  });
});

describe('SMS parts', () => {
  it('counts GSM-7 septets and UCS-2 units', () => {
    expect(messageSize('a'.repeat(160))).toEqual({ encoding: 'gsm7', size: 160, limit: 160 });
    expect(messageSize('€')).toEqual({ encoding: 'gsm7', size: 2, limit: 160 });
    expect(messageSize('مرحبا')).toEqual({ encoding: 'ucs2', size: 5, limit: 70 });
    expect(splitSms('a'.repeat(160))).toHaveLength(1);
    expect(splitSms('a'.repeat(161))).toHaveLength(2);
    expect(splitSms('م'.repeat(71))).toHaveLength(2);
  });

  const piece = fc.constantFrom('a', 'Z', ' ', '€', '\n', 'é', 'م', 'ש', '😀', 'word', '{');
  it('splits any text into parts that each fit one SMS and lose nothing', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 400 }), (pieces) => {
        const text = pieces.join('');
        const parts = splitSms(text);
        for (const part of parts) {
          const { size, limit } = messageSize(part);
          expect(size).toBeLessThanOrEqual(limit);
          expect(part.length).toBeGreaterThan(0);
        }
        // Only the spaces or line breaks cut at are dropped.
        const strip = (s: string) => s.replace(/[ \n]/gu, '');
        expect(strip(parts.join(''))).toBe(strip(text));
        if (messageSize(text).size <= messageSize(text).limit && text.length) expect(parts).toEqual([text]);
      }),
    );
  });
});

describe('replies', () => {
  it('has every reply in all seven languages', () => {
    const keys = Object.keys(REPLIES.en).sort();
    for (const language of CHANNEL_LANGUAGES) {
      expect(Object.keys(REPLIES[language]).sort()).toEqual(keys);
      for (const key of keys)
        expect(REPLIES[language][key as keyof typeof REPLIES.en].length).toBeGreaterThan(0);
    }
  });
});

describe('Twilio signature', () => {
  it("matches Twilio's published example", () => {
    const params = {
      CallSid: 'CA1234567890ABCDE',
      Caller: '+14158675309',
      Digits: '1234',
      From: '+14158675309',
      To: '+18005551212',
    };
    const url = 'https://mycompany.com/myapp.php?foo=1&bar=2';
    expect(twilioSignature('12345', url, params)).toBe('RSOYDt4T1cUTdK1PDd93/VVr8B8=');
    expect(validTwilioSignature('12345', 'RSOYDt4T1cUTdK1PDd93/VVr8B8=', url, params)).toBe(true);
    expect(
      validTwilioSignature('12345', 'RSOYDt4T1cUTdK1PDd93/VVr8B8=', url, { ...params, Digits: '1235' }),
    ).toBe(false);
    expect(validTwilioSignature('', 'x', url, params)).toBe(false);
  });
  it('escapes TwiML', () => {
    expect(twiml(['a < b & "c"'])).toContain('<Message>a &lt; b &amp; &quot;c&quot;</Message>');
  });
});
