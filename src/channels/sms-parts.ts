/**
 * SMS length rules. A message in the GSM 03.38 alphabet fits 160 septets (characters of the extension
 * table take two); any other character makes the whole message UCS-2, which fits 70 UTF-16 code units.
 * Each part is sent as a message of its own (one TwiML <Message> each), so every part gets the full size.
 */

const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENSION = '^{}\\[~]|€\f';
const basic = new Set(GSM_BASIC);
const extension = new Set(GSM_EXTENSION);

export const GSM_LIMIT = 160;
export const UCS2_LIMIT = 70;

export function isGsm7(text: string): boolean {
  for (const char of text) if (!basic.has(char) && !extension.has(char)) return false;
  return true;
}

/** The size of a character in the message's encoding: septets for GSM-7, UTF-16 units for UCS-2. */
function sizeOf(char: string, gsm: boolean): number {
  if (gsm) return extension.has(char) ? 2 : 1;
  return char.length;
}

export function messageSize(text: string): { encoding: 'gsm7' | 'ucs2'; size: number; limit: number } {
  const gsm = isGsm7(text);
  let size = 0;
  for (const char of text) size += sizeOf(char, gsm);
  return { encoding: gsm ? 'gsm7' : 'ucs2', size, limit: gsm ? GSM_LIMIT : UCS2_LIMIT };
}

/**
 * The text in parts that each fit one SMS: cut at the last space or line break of a part when there is
 * one in its second half, else at the limit (never inside a character: surrogate pairs stay whole). The
 * parts joined again (with the spaces cut at) give back the text.
 */
export function splitSms(text: string): string[] {
  const { encoding, size, limit } = messageSize(text);
  if (size <= limit) return text === '' ? [] : [text];
  const gsm = encoding === 'gsm7';
  const chars = [...text];
  const parts: string[] = [];
  let start = 0;
  while (start < chars.length) {
    let used = 0;
    let end = start;
    while (end < chars.length && used + sizeOf(chars[end], gsm) <= limit) {
      used += sizeOf(chars[end], gsm);
      end++;
    }
    if (end < chars.length) {
      let cut = end;
      while (cut > start && chars[cut] !== ' ' && chars[cut] !== '\n') cut--;
      if (cut - start > (end - start) / 2) {
        parts.push(chars.slice(start, cut).join(''));
        start = cut + 1;
        continue;
      }
    }
    parts.push(chars.slice(start, end).join(''));
    start = end;
  }
  return parts.filter((part) => part.length > 0);
}
