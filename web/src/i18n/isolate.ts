/**
 * Unicode isolates for text of unknown direction placed inside a sentence: FIRST STRONG ISOLATE opens
 * a run whose direction its own first strong letter decides, POP DIRECTIONAL ISOLATE closes it. A
 * Latin pseudonym, a number or a name inside an Arabic or Hebrew sentence then keeps its own order and
 * does not pull the sentence's punctuation with it ("…across 1" instead of "(…1 across)").
 */
export const FIRST_STRONG_ISOLATE = '\u2068';
export const POP_DIRECTIONAL_ISOLATE = '\u2069';

export function isolate(value: string): string {
  return `${FIRST_STRONG_ISOLATE}${value}${POP_DIRECTIONAL_ISOLATE}`;
}

/**
 * The interpolation hook for i18next: in a right-to-left language every interpolated value is
 * isolated; left-to-right text stays as it is (React escapes what it renders, so nothing else is done).
 */
export function isolateWhenRightToLeft(direction: () => 'ltr' | 'rtl') {
  return (value: unknown): string => {
    const text = typeof value === 'string' ? value : String(value);
    return direction() === 'rtl' ? isolate(text) : text;
  };
}
