import type { DeepPartial } from './types.js';
import type { Messages } from './en.js';

/** Swahili: the shell, sign-in and the dialogue; other screens fall back to English. */
const sw: DeepPartial<Messages> = {
  app: { skip: 'Ruka hadi maudhui', language: 'Lugha' },
  nav: { home: 'Mwanzo', account: 'Akaunti', signOut: 'Toka' },
  common: {
    loading: 'Inapakia…',
    retry: 'Jaribu tena',
    save: 'Hifadhi',
    cancel: 'Ghairi',
    yes: 'Ndiyo',
    no: 'Hapana',
    fixErrors: 'Tafadhali sahihisha yafuatayo:',
    required: 'Sehemu hii inahitajika.',
  },
  auth: {
    signInTitle: 'Ingia',
    email: 'Barua pepe',
    password: 'Nenosiri',
    signIn: 'Ingia',
    emailRequired: 'Weka barua pepe yako.',
    passwordRequired: 'Weka nenosiri lako.',
  },
  dialogue: {
    title: 'Mazungumzo',
    intro: 'Soma kila kauli na useme kama unakubali. Hakuna jibu sahihi.',
    statementOf: 'Kauli {{current}} kati ya {{total}}',
    agree: 'Nakubali',
    disagree: 'Sikubali',
    pass: 'Ruka / sina uhakika',
    allVoted: 'Umepiga kura kwa kila kauli. Asante.',
    submitTitle: 'Ongeza kauli yako',
    submitLabel: 'Kauli yako',
    submit: 'Tuma kauli',
    submittedStrict: 'Asante: kauli yako itaonyeshwa kwa wengine baada ya mwezeshaji kuikubali.',
    submittedOpen:
      'Asante: kauli yako sasa inaonyeshwa kwa wengine. Mwezeshaji bado anaweza kuiondoa ikivunja kanuni za mazungumzo.',
    commonGround: 'Mambo mnayokubaliana',
  },
};

export default sw;
