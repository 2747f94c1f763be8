import { describe, expect, it } from 'vitest';
import * as domain from '../../src/domain/vocabulary.js';
import * as web from '../../web/src/vocabulary.js';

describe('the browser copy of the domain vocabulary', () => {
  it('holds exactly the lists of src/domain/vocabulary.ts', () => {
    for (const [name, list] of Object.entries(web)) {
      expect(domain[name as keyof typeof domain], name).toEqual(list);
    }
  });
});
