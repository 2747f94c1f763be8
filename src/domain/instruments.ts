import { z } from 'zod';
import { checkUnique } from './scalars.js';
import { libraryInstrumentIds, surveyLanguages } from './survey-values.js';

/**
 * The survey instrument library: the measures of intergroup attitude researchers trust, as plain data
 * with zod schemas, so a custom instrument is checked by the same rules as the built-in ones.
 * Item text may hold `{outGroup}`, filled in with the out-group's name when the item is asked; an
 * instrument with `perOutGroup` is asked once for each out-group of the respondent's divide.
 * English and French are reviewed; Arabic texts are drafts until a native speaker has checked them
 * (`translationStatus`). A survey adds its own translations into any of its languages, drafts until a
 * second person approves them (survey-translations.ts); respondents are asked only in checked texts.
 */

export { localise, surveyLanguages } from './survey-values.js';
export const surveyLanguageSchema = z.enum(surveyLanguages);
export type SurveyLanguage = z.infer<typeof surveyLanguageSchema>;

export const localisedTextSchema = z.strictObject({
  en: z.string().min(1).max(500),
  fr: z.string().min(1).max(500),
  ar: z.string().min(1).max(500).optional(),
  he: z.string().min(1).max(500).optional(),
  so: z.string().min(1).max(500).optional(),
  sw: z.string().min(1).max(500).optional(),
  ln: z.string().min(1).max(500).optional(),
});
export type LocalisedText = z.infer<typeof localisedTextSchema>;

export const instrumentKinds = [
  'feeling_thermometer',
  'social_distance',
  'outgroup_trust',
  'intergroup_anxiety',
  'custom',
] as const;
export const instrumentKindSchema = z.enum(instrumentKinds);
export type InstrumentKind = z.infer<typeof instrumentKindSchema>;

export const anchorSchema = z.strictObject({ value: z.number(), label: localisedTextSchema });

export const responseScaleSchema = z
  .strictObject({
    min: z.number(),
    max: z.number(),
    /** Allowed step between answers (1 for Likert, 1 for the thermometer's whole degrees). */
    step: z.number().positive(),
    anchors: z.array(anchorSchema).max(101),
  })
  .refine((s) => s.max > s.min, { message: 'max must exceed min', path: ['max'] });
export type ResponseScale = z.infer<typeof responseScaleSchema>;

export const instrumentItemSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
  text: localisedTextSchema,
  /** Scored as min + max - answer, so that every item points the same way. */
  reverse: z.boolean().default(false),
});
export type InstrumentItem = z.infer<typeof instrumentItemSchema>;

export const scoringSchema = z.strictObject({
  /** `mean` of the (reverse-scored) items; `single` for one-item measures. */
  method: z.enum(['mean', 'single']),
  /** The fewest items that must be answered for a score; fewer gives no score (null), not a guess. */
  minAnswered: z.number().int().min(1),
  /** What a higher score means, for labels and for the sign of "improvement". */
  higherMeans: z.enum(['warmer', 'more_distance', 'more_trust', 'more_anxiety', 'more']),
});
export type Scoring = z.infer<typeof scoringSchema>;

export const instrumentSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z][a-z0-9_.-]{0,59}$/),
    version: z.number().int().min(1),
    kind: instrumentKindSchema,
    name: localisedTextSchema,
    instructions: localisedTextSchema,
    /** The published source of the measure. */
    source: z.string().max(500),
    perOutGroup: z.boolean(),
    scale: responseScaleSchema,
    items: z.array(instrumentItemSchema).min(1).max(60),
    scoring: scoringSchema,
    translationStatus: z.partialRecord(surveyLanguageSchema, z.enum(['reviewed', 'draft'])),
  })
  .superRefine((instrument, ctx) => {
    checkUnique(
      instrument.items,
      (item) => item.id,
      ctx,
      (i) => ['items', i, 'id'],
      'duplicate item id',
    );
    if (instrument.scoring.minAnswered > instrument.items.length) {
      ctx.addIssue({
        code: 'custom',
        message: 'more items required than exist',
        path: ['scoring', 'minAnswered'],
      });
    }
    if (instrument.scoring.method === 'single' && instrument.items.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        message: 'a single-item score needs exactly one item',
        path: ['items'],
      });
    }
  });
export type Instrument = z.infer<typeof instrumentSchema>;
export type InstrumentInput = z.input<typeof instrumentSchema>;

const agree7: ResponseScale = {
  min: 1,
  max: 7,
  step: 1,
  anchors: [
    {
      value: 1,
      label: {
        en: 'Strongly disagree',
        fr: 'Pas du tout d\u2019accord',
        ar: '\u0623\u0631\u0641\u0636 \u0628\u0634\u062f\u0629',
      },
    },
    {
      value: 4,
      label: {
        en: 'Neither agree nor disagree',
        fr: 'Ni d\u2019accord ni en d\u00e9saccord',
        ar: '\u0645\u062d\u0627\u064a\u062f',
      },
    },
    {
      value: 7,
      label: {
        en: 'Strongly agree',
        fr: 'Tout \u00e0 fait d\u2019accord',
        ar: '\u0623\u0648\u0627\u0641\u0642 \u0628\u0634\u062f\u0629',
      },
    },
  ],
};

/** The feeling thermometer (as in the American National Election Studies): 0 cold to 100 warm. */
export const feelingThermometer: InstrumentInput = {
  id: 'feeling-thermometer',
  version: 1,
  kind: 'feeling_thermometer',
  name: {
    en: 'Feeling thermometer',
    fr: 'Thermom\u00e8tre des sentiments',
    ar: '\u0645\u0642\u064a\u0627\u0633 \u062d\u0631\u0627\u0631\u0629 \u0627\u0644\u0645\u0634\u0627\u0639\u0631',
  },
  instructions: {
    en: 'Rate how you feel towards {outGroup}: 0 means very cold and unfavourable, 100 very warm and favourable, 50 neither.',
    fr: 'Indiquez ce que vous ressentez envers {outGroup} : 0 signifie tr\u00e8s froid et d\u00e9favorable, 100 tr\u00e8s chaleureux et favorable, 50 ni l\u2019un ni l\u2019autre.',
    ar: '\u0642\u064a\u0651\u0645 \u0645\u0634\u0627\u0639\u0631\u0643 \u062a\u062c\u0627\u0647 {outGroup}: 0 \u062a\u0639\u0646\u064a \u0628\u0627\u0631\u062f\u0629 \u062c\u062f\u0627\u064b \u0648\u063a\u064a\u0631 \u0648\u062f\u064a\u0629\u060c 100 \u062f\u0627\u0641\u0626\u0629 \u062c\u062f\u0627\u064b \u0648\u0648\u062f\u064a\u0629\u060c 50 \u0644\u0627 \u0647\u0630\u0627 \u0648\u0644\u0627 \u0630\u0627\u0643.',
  },
  source:
    'American National Election Studies feeling thermometer; see Lupton & Jacoby (2016), doi:10.1016/j.electstud.2016.01.006',
  perOutGroup: true,
  scale: {
    min: 0,
    max: 100,
    step: 1,
    anchors: [
      {
        value: 0,
        label: {
          en: 'Very cold',
          fr: 'Tr\u00e8s froid',
          ar: '\u0628\u0627\u0631\u062f \u062c\u062f\u0627\u064b',
        },
      },
      {
        value: 50,
        label: {
          en: 'Neither warm nor cold',
          fr: 'Ni chaud ni froid',
          ar: '\u0644\u0627 \u062f\u0627\u0641\u0626 \u0648\u0644\u0627 \u0628\u0627\u0631\u062f',
        },
      },
      {
        value: 100,
        label: {
          en: 'Very warm',
          fr: 'Tr\u00e8s chaleureux',
          ar: '\u062f\u0627\u0641\u0626 \u062c\u062f\u0627\u064b',
        },
      },
    ],
  },
  items: [
    {
      id: 'warmth',
      text: {
        en: 'How warm or cold do you feel towards {outGroup}?',
        fr: 'Quelle chaleur ou quelle froideur ressentez-vous envers {outGroup} ?',
        ar: '\u0645\u0627 \u0645\u062f\u0649 \u062f\u0641\u0621 \u0623\u0648 \u0628\u0631\u0648\u062f \u0645\u0634\u0627\u0639\u0631\u0643 \u062a\u062c\u0627\u0647 {outGroup}\u061f',
      },
    },
  ],
  scoring: { method: 'single', minAnswered: 1, higherMeans: 'warmer' },
  translationStatus: { en: 'reviewed', fr: 'reviewed', ar: 'draft' },
};

/**
 * Bogardus social distance: the closest relation the respondent would accept with a member of the
 * out-group, on the seven classic levels; 1 is the least distance (kinship by marriage), 7 the most.
 */
export const bogardusSocialDistance: InstrumentInput = {
  id: 'bogardus-social-distance',
  version: 1,
  kind: 'social_distance',
  name: {
    en: 'Social distance (Bogardus)',
    fr: 'Distance sociale (Bogardus)',
    ar: '\u0627\u0644\u0645\u0633\u0627\u0641\u0629 \u0627\u0644\u0627\u062c\u062a\u0645\u0627\u0639\u064a\u0629 (\u0628\u0648\u063a\u0627\u0631\u062f\u0648\u0633)',
  },
  instructions: {
    en: 'Choose the closest relationship you would willingly accept with a member of {outGroup}.',
    fr: 'Choisissez la relation la plus proche que vous accepteriez volontiers avec un membre de {outGroup}.',
    ar: '\u0627\u062e\u062a\u0631 \u0623\u0642\u0631\u0628 \u0639\u0644\u0627\u0642\u0629 \u062a\u0642\u0628\u0644\u0647\u0627 \u0637\u0648\u0639\u0627\u064b \u0645\u0639 \u0641\u0631\u062f \u0645\u0646 {outGroup}.',
  },
  source:
    'Bogardus, E. S. (1925). Measuring social distance. Journal of Applied Sociology 9, 299-308; seven levels of Bogardus (1933)',
  perOutGroup: true,
  scale: {
    min: 1,
    max: 7,
    step: 1,
    anchors: [
      {
        value: 1,
        label: {
          en: 'As a close relative by marriage',
          fr: 'Comme parent proche par alliance',
          ar: '\u0643\u0642\u0631\u064a\u0628 \u0628\u0627\u0644\u0645\u0635\u0627\u0647\u0631\u0629',
        },
      },
      {
        value: 2,
        label: {
          en: 'As a close personal friend',
          fr: 'Comme ami proche',
          ar: '\u0643\u0635\u062f\u064a\u0642 \u0645\u0642\u0631\u0651\u0628',
        },
      },
      {
        value: 3,
        label: {
          en: 'As a neighbour on my street',
          fr: 'Comme voisin dans ma rue',
          ar: '\u0643\u062c\u0627\u0631 \u0641\u064a \u0634\u0627\u0631\u0639\u064a',
        },
      },
      {
        value: 4,
        label: {
          en: 'As a co-worker in my occupation',
          fr: 'Comme coll\u00e8gue dans mon m\u00e9tier',
          ar: '\u0643\u0632\u0645\u064a\u0644 \u0641\u064a \u0645\u0647\u0646\u062a\u064a',
        },
      },
      {
        value: 5,
        label: {
          en: 'As a citizen of my country',
          fr: 'Comme citoyen de mon pays',
          ar: '\u0643\u0645\u0648\u0627\u0637\u0646 \u0641\u064a \u0628\u0644\u062f\u064a',
        },
      },
      {
        value: 6,
        label: {
          en: 'Only as a visitor to my country',
          fr: 'Seulement comme visiteur de mon pays',
          ar: '\u0643\u0632\u0627\u0626\u0631 \u0644\u0628\u0644\u062f\u064a \u0641\u0642\u0637',
        },
      },
      {
        value: 7,
        label: {
          en: 'Would exclude from my country',
          fr: 'Je l\u2019exclurais de mon pays',
          ar: '\u0623\u0633\u062a\u0628\u0639\u062f\u0647 \u0645\u0646 \u0628\u0644\u062f\u064a',
        },
      },
    ],
  },
  items: [
    {
      id: 'closest_accepted',
      text: {
        en: 'The closest relationship I would accept with a member of {outGroup} is:',
        fr: 'La relation la plus proche que j\u2019accepterais avec un membre de {outGroup} est :',
        ar: '\u0623\u0642\u0631\u0628 \u0639\u0644\u0627\u0642\u0629 \u0623\u0642\u0628\u0644\u0647\u0627 \u0645\u0639 \u0641\u0631\u062f \u0645\u0646 {outGroup} \u0647\u064a:',
      },
    },
  ],
  scoring: { method: 'single', minAnswered: 1, higherMeans: 'more_distance' },
  translationStatus: { en: 'reviewed', fr: 'reviewed', ar: 'draft' },
};

/** Out-group trust, after Tam, Hewstone, Kenworthy & Cairns (2009); one item reverse-scored. */
export const outgroupTrust: InstrumentInput = {
  id: 'outgroup-trust',
  version: 1,
  kind: 'outgroup_trust',
  name: {
    en: 'Out-group trust',
    fr: 'Confiance envers l\u2019exogroupe',
    ar: '\u0627\u0644\u062b\u0642\u0629 \u0628\u0627\u0644\u062c\u0645\u0627\u0639\u0629 \u0627\u0644\u0623\u062e\u0631\u0649',
  },
  instructions: {
    en: 'How far do you agree with each statement about {outGroup}?',
    fr: 'Dans quelle mesure \u00eates-vous d\u2019accord avec chaque affirmation sur {outGroup} ?',
    ar: '\u0625\u0644\u0649 \u0623\u064a \u0645\u062f\u0649 \u062a\u0648\u0627\u0641\u0642 \u0639\u0644\u0649 \u0643\u0644 \u0639\u0628\u0627\u0631\u0629 \u0639\u0646 {outGroup}\u061f',
  },
  source:
    'Tam, T., Hewstone, M., Kenworthy, J., & Cairns, E. (2009). Intergroup trust in Northern Ireland. Personality and Social Psychology Bulletin 35(1), 45-59',
  perOutGroup: true,
  scale: agree7,
  items: [
    {
      id: 'trust_general',
      text: {
        en: 'I can trust members of {outGroup}.',
        fr: 'Je peux faire confiance aux membres de {outGroup}.',
        ar: '\u064a\u0645\u0643\u0646\u0646\u064a \u0627\u0644\u062b\u0642\u0629 \u0628\u0623\u0641\u0631\u0627\u062f {outGroup}.',
      },
    },
    {
      id: 'trust_word',
      text: {
        en: 'Members of {outGroup} can be relied on to keep their word.',
        fr: 'On peut compter sur les membres de {outGroup} pour tenir parole.',
        ar: '\u064a\u0645\u0643\u0646 \u0627\u0644\u0627\u0639\u062a\u0645\u0627\u062f \u0639\u0644\u0649 \u0623\u0641\u0631\u0627\u062f {outGroup} \u0641\u064a \u0627\u0644\u0648\u0641\u0627\u0621 \u0628\u0648\u0639\u0648\u062f\u0647\u0645.',
      },
    },
    {
      id: 'trust_suspicion',
      text: {
        en: 'I am suspicious of what members of {outGroup} say.',
        fr: 'Je me m\u00e9fie de ce que disent les membres de {outGroup}.',
        ar: '\u0623\u0634\u0643\u0651 \u0641\u064a\u0645\u0627 \u064a\u0642\u0648\u0644\u0647 \u0623\u0641\u0631\u0627\u062f {outGroup}.',
      },
      reverse: true,
    },
    {
      id: 'trust_interests',
      text: {
        en: 'Members of {outGroup} would take my interests into account.',
        fr: 'Les membres de {outGroup} tiendraient compte de mes int\u00e9r\u00eats.',
        ar: '\u0633\u064a\u0631\u0627\u0639\u064a \u0623\u0641\u0631\u0627\u062f {outGroup} \u0645\u0635\u0627\u0644\u062d\u064a.',
      },
    },
  ],
  scoring: { method: 'mean', minAnswered: 3, higherMeans: 'more_trust' },
  translationStatus: { en: 'reviewed', fr: 'reviewed', ar: 'draft' },
};

const anxietyAdjectives: { id: string; reverse: boolean; en: string; fr: string; ar: string }[] = [
  { id: 'certain', reverse: true, en: 'certain', fr: 's\u00fbr(e) de moi', ar: '\u0648\u0627\u062b\u0642' },
  {
    id: 'awkward',
    reverse: false,
    en: 'awkward',
    fr: 'mal \u00e0 l\u2019aise',
    ar: '\u0645\u0631\u062a\u0628\u0643',
  },
  {
    id: 'self_conscious',
    reverse: false,
    en: 'self-conscious',
    fr: 'g\u00ean\u00e9(e)',
    ar: '\u062e\u062c\u0648\u0644',
  },
  { id: 'happy', reverse: true, en: 'happy', fr: 'heureux(se)', ar: '\u0633\u0639\u064a\u062f' },
  {
    id: 'accepted',
    reverse: true,
    en: 'accepted',
    fr: 'accept\u00e9(e)',
    ar: '\u0645\u0642\u0628\u0648\u0644',
  },
  {
    id: 'confident',
    reverse: true,
    en: 'confident',
    fr: 'confiant(e)',
    ar: '\u0648\u0627\u062b\u0642 \u0645\u0646 \u0646\u0641\u0633\u064a',
  },
  {
    id: 'irritated',
    reverse: false,
    en: 'irritated',
    fr: 'irrit\u00e9(e)',
    ar: '\u0645\u0646\u0632\u0639\u062c',
  },
  {
    id: 'impatient',
    reverse: false,
    en: 'impatient',
    fr: 'impatient(e)',
    ar: '\u0646\u0627\u0641\u062f \u0627\u0644\u0635\u0628\u0631',
  },
  {
    id: 'defensive',
    reverse: false,
    en: 'defensive',
    fr: 'sur la d\u00e9fensive',
    ar: '\u0645\u062a\u062d\u0641\u0651\u0638',
  },
  {
    id: 'suspicious',
    reverse: false,
    en: 'suspicious',
    fr: 'm\u00e9fiant(e)',
    ar: '\u0645\u0631\u062a\u0627\u0628',
  },
  { id: 'careful', reverse: false, en: 'careful', fr: 'sur mes gardes', ar: '\u062d\u0630\u0631' },
];

/**
 * Intergroup anxiety (Stephan & Stephan 1985): eleven feelings when one is the only member of one's
 * group among the out-group, on 1 (not at all) to 10 (extremely); the four positive feelings are
 * reverse-scored so that a higher mean is more anxiety. A score needs 8 of the 11 answers.
 */
export const intergroupAnxiety: InstrumentInput = {
  id: 'intergroup-anxiety',
  version: 1,
  kind: 'intergroup_anxiety',
  name: {
    en: 'Intergroup anxiety',
    fr: 'Anxi\u00e9t\u00e9 intergroupe',
    ar: '\u0627\u0644\u0642\u0644\u0642 \u0628\u064a\u0646 \u0627\u0644\u062c\u0645\u0627\u0639\u0627\u062a',
  },
  instructions: {
    en: 'If you were the only member of your group among people from {outGroup}, how would you feel?',
    fr: 'Si vous \u00e9tiez le seul membre de votre groupe parmi des personnes de {outGroup}, comment vous sentiriez-vous ?',
    ar: '\u0644\u0648 \u0643\u0646\u062a \u0627\u0644\u0641\u0631\u062f \u0627\u0644\u0648\u062d\u064a\u062f \u0645\u0646 \u062c\u0645\u0627\u0639\u062a\u0643 \u0628\u064a\u0646 \u0623\u0634\u062e\u0627\u0635 \u0645\u0646 {outGroup}\u060c \u0628\u0645\u0627\u0630\u0627 \u0633\u062a\u0634\u0639\u0631\u061f',
  },
  source:
    'Stephan, W. G., & Stephan, C. W. (1985). Intergroup anxiety. Journal of Social Issues 41(3), 157-175',
  perOutGroup: true,
  scale: {
    min: 1,
    max: 10,
    step: 1,
    anchors: [
      {
        value: 1,
        label: { en: 'Not at all', fr: 'Pas du tout', ar: '\u0625\u0637\u0644\u0627\u0642\u0627\u064b' },
      },
      {
        value: 10,
        label: { en: 'Extremely', fr: 'Extr\u00eamement', ar: '\u0644\u0644\u063a\u0627\u064a\u0629' },
      },
    ],
  },
  items: anxietyAdjectives.map((a) => ({
    id: a.id,
    reverse: a.reverse,
    text: {
      en: `I would feel ${a.en}.`,
      fr: `Je me sentirais ${a.fr}.`,
      ar: `\u0633\u0623\u0634\u0639\u0631 \u0628\u0623\u0646\u0646\u064a ${a.ar}.`,
    },
  })),
  scoring: { method: 'mean', minAnswered: 8, higherMeans: 'more_anxiety' },
  translationStatus: { en: 'reviewed', fr: 'reviewed', ar: 'draft' },
};

/** The built-in library, validated once at load so a typo here fails every test at once. */
export const instrumentLibrary: readonly Instrument[] = [
  feelingThermometer,
  bogardusSocialDistance,
  outgroupTrust,
  intergroupAnxiety,
].map((i) => instrumentSchema.parse(i));
if (instrumentLibrary.map((i) => i.id).join() !== libraryInstrumentIds.join()) {
  throw new Error('instrumentLibrary and survey-values.ts libraryInstrumentIds list different instruments');
}

export function findInstrument(id: string): Instrument | undefined {
  return instrumentLibrary.find((i) => i.id === id);
}

/** A convener's own items: validated by the same schema; kind is always 'custom'. */
export function customInstrument(input: Omit<InstrumentInput, 'kind'>): Instrument {
  return instrumentSchema.parse({ ...input, kind: 'custom' });
}
