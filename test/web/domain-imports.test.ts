import { describe, expect, it } from 'vitest';
import * as lists from '../../src/domain/vocabulary-lists.js';
import { locationPrecisions } from '../../src/domain/location-precision.js';
import { locationPrecisionSchema } from '../../src/domain/privacy.js';
import * as vocabulary from '../../src/domain/vocabulary.js';
import { instrumentLibrary, surveyLanguageSchema } from '../../src/domain/instruments.js';
import { surveyWaveSchema } from '../../src/domain/survey.js';
import {
  formInstruments,
  libraryInstrumentIds,
  scaleFault,
  surveyLanguages,
  surveyWaves,
} from '../../src/domain/survey-values.js';
import { checkValue } from '../../web/src/surveys/questions.js';

/** The lists the browser imports without zod are the ones the schemas gate with. */
describe('the zod-free domain modules the web imports', () => {
  it('give every closed list of vocabulary.ts, and its schema accepts exactly that list', () => {
    const schemaOf: Record<string, { options: readonly string[] }> = {
      actorKinds: vocabulary.actorKindSchema,
      actorRoles: vocabulary.actorRoleSchema,
      tracks: vocabulary.trackSchema,
      genders: vocabulary.genderSchema,
      tieKinds: vocabulary.tieKindSchema,
      tieSources: vocabulary.tieSourceSchema,
      conflictEventKinds: vocabulary.conflictEventKindSchema,
      initiativeStatuses: vocabulary.initiativeStatusSchema,
      initiativeCapacities: vocabulary.initiativeCapacitySchema,
      groundRules: vocabulary.groundRuleSchema,
      meetingStatuses: vocabulary.meetingStatusSchema,
      attendanceRoles: vocabulary.attendanceRoleSchema,
      outcomeKinds: vocabulary.outcomeKindSchema,
      transferStatuses: vocabulary.transferStatusSchema,
      initiativeRoles: vocabulary.initiativeRoleSchema,
    };
    expect(Object.keys(lists).sort()).toEqual(Object.keys(schemaOf).sort());
    for (const [name, list] of Object.entries(lists)) {
      expect(vocabulary[name as keyof typeof vocabulary], name).toBe(list);
      // zod keeps an enum as an object, whose integer-like keys ('1', '2') come first: compare as sets.
      expect([...schemaOf[name].options].sort(), name).toEqual([...list].sort());
    }
  });

  it('give the location precisions the privacy schema accepts', () => {
    // zod keeps an enum as an object, whose integer-like keys ('1') come first: compare as sets.
    expect([...locationPrecisionSchema.options].sort()).toEqual([...locationPrecisions].sort());
  });

  it('hold the library instruments, waves and languages the survey schemas use', () => {
    expect(libraryInstrumentIds).toEqual(instrumentLibrary.map((instrument) => instrument.id));
    expect(surveyWaveSchema.options).toEqual(surveyWaves);
    expect(surveyLanguageSchema.options).toEqual(surveyLanguages);
  });

  it('ask a per-out-group instrument once per out-group, in the language chosen', () => {
    const questions = formInstruments(instrumentLibrary.slice(0, 1), ['North', 'South'], 'fr');
    expect(questions.map((q) => q.out_group)).toEqual(['North', 'South']);
    expect(questions[1].items[0].text).toContain('South');
    expect(questions[1].items[0].text).toMatch(/^Quelle chaleur/);
  });

  it('check a value on its scale by the rule scoring applies', () => {
    const scale = { min: 1, max: 7, step: 1 };
    expect(scaleFault(scale, 4)).toBeNull();
    expect(scaleFault(scale, 8)).toBe('outside');
    expect(scaleFault(scale, Number.NaN)).toBe('outside');
    expect(scaleFault(scale, 2.5)).toBe('off_step');
    expect(checkValue({ ...scale, anchors: [] }, ' ')).toBeNull();
    expect(checkValue({ ...scale, anchors: [] }, '2.5')).toBe('outOfScale');
    expect(checkValue({ ...scale, anchors: [] }, 'x')).toBe('outOfScale');
    expect(checkValue({ ...scale, anchors: [] }, '7')).toBeNull();
  });
});
