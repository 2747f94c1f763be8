import { afterAll, expect } from 'vitest';
import { takeResponseMismatches } from '../../src/server/response-check.js';

// A route that answered a body its schema does not allow fails the file, even when the test itself only
// looked at the status of some other (expected) failure.
afterAll(() => {
  expect(takeResponseMismatches(), 'answers that broke their route response schema').toEqual([]);
});
