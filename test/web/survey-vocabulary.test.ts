import { describe, expect, it } from 'vitest';
import { instrumentLibrary, surveyLanguages } from '../../src/domain/instruments.js';
import { surveyWaves } from '../../src/domain/survey.js';
import * as web from '../../web/src/surveys/survey-vocabulary.js';
import { questionsOf } from '../../web/src/surveys/questions.js';

describe('the browser copy of the survey vocabulary', () => {
  it('holds the library instruments, waves and languages of src/domain', () => {
    expect(web.libraryInstruments).toEqual(instrumentLibrary.map((instrument) => instrument.id));
    expect(web.surveyWaves).toEqual(surveyWaves);
    expect(web.surveyLanguages).toEqual(surveyLanguages);
  });

  it('asks a per-out-group instrument once per out-group, in the language chosen', () => {
    const questions = questionsOf(instrumentLibrary.slice(0, 1), ['North', 'South'], 'fr');
    expect(questions.map((q) => q.out_group)).toEqual(['North', 'South']);
    expect(questions[1].items[0].text).toContain('South');
    expect(questions[1].items[0].text).toMatch(/^Quelle chaleur/);
  });
});
