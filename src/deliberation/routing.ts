/**
 * Pol.is' statement routing priority: statements that many pass on sink, divisive (extreme) ones and
 * agreeable ones rise, and new statements (few votes seen) get a boost that fades as 2^(-S/5).
 * Squared to sharpen the preference; meta statements get a fixed priority of 7^2.
 */
export function routingPriority(
  agree: number,
  pass: number,
  seen: number,
  extremity: number,
  isMeta = false,
): number {
  if (isMeta) return 49;
  const p = (pass + 1) / (seen + 2);
  const a = (agree + 1) / (seen + 2);
  const importance = (1 - p) * (extremity + 1) * a;
  const value = importance * (1 + 8 * Math.pow(2, -seen / 5));
  return value * value;
}
