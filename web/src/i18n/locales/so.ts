import type { DeepPartial } from './types.js';
import type { Messages } from './en.js';

/** Somali: the shell, sign-in and the dialogue; other screens fall back to English. */
const so: DeepPartial<Messages> = {
  app: { skip: 'U gudub nuxurka', language: 'Luqadda' },
  nav: { home: 'Bogga hore', account: 'Akoonka', signOut: 'Ka bax' },
  common: {
    loading: 'Waa la soo rarayaa…',
    retry: 'Isku day mar kale',
    save: 'Kaydi',
    cancel: 'Jooji',
    yes: 'Haa',
    no: 'Maya',
    fixErrors: 'Fadlan sax waxyaabahan:',
    required: 'Goobtan waa loo baahan yahay.',
  },
  auth: {
    signInTitle: 'Gal',
    email: 'Iimayl',
    password: 'Furaha sirta ah',
    signIn: 'Gal',
    emailRequired: 'Geli iimaylkaaga.',
    passwordRequired: 'Geli furahaaga sirta ah.',
  },
  dialogue: {
    title: 'Wada-hadal',
    intro: 'Akhri weedh kasta oo sheeg haddii aad ku raacsan tahay. Jawaab sax ah ma jirto.',
    statementOf: 'Weedha {{current}} ee {{total}}',
    agree: 'Waan ku raacsanahay',
    disagree: 'Kuma raacsani',
    pass: 'Ka gudub / ma hubo',
    allVoted: 'Waxaad u codeysay weedh kasta. Mahadsanid.',
    submitTitle: 'Ku dar weedhaada',
    submitLabel: 'Weedhaada',
    submit: 'Dir weedha',
    submittedStrict: 'Mahadsanid: weedhaada waxaa la tusi doonaa dadka kale marka uu fududeeyuhu aqbalo.',
    submittedOpen:
      'Mahadsanid: weedhaada hadda waa la tusayaa dadka kale. Fududeeyuhu wuu ka saari karaa haddii ay jebiso xeerarka wada-hadalka.',
    commonGround: 'Meelaha la isku raacsan yahay',
  },
};

export default so;
