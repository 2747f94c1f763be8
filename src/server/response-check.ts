import type { z } from 'zod';

/** A success that broke its route's response schema (only recorded while responses are checked). */
export interface ResponseMismatch {
  route: string;
  issues: z.core.$ZodIssue[];
}

const mismatches: ResponseMismatch[] = [];

export function recordResponseMismatch(mismatch: ResponseMismatch): void {
  mismatches.push(mismatch);
}

/**
 * The mismatches seen so far in this process, emptied: a test suite's afterAll fails on any, so a test
 * that expected some error (and got the 500) still cannot hide a broken contract.
 */
export function takeResponseMismatches(): ResponseMismatch[] {
  return mismatches.splice(0, mismatches.length);
}
