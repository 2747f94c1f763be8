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
    sheetStep1: 'Ku sawir koodhka kamaradda taleefankaaga, ama qor cinwaanka.',
    sheetStep2: 'Sheeg dhinaca aad ka tirsan tahay haddii aad rabto; waa ikhtiyaari.',
    sheetStep3:
      'Akhri weedh kasta oo ku jawaab waan ku raacsanahay, kuma raacsani ama ka gudub. Waxaad ku dari kartaa taada.',
    sheetPrivacy: 'Akoon iyo magac midna ma jiro: jawaabahaagu waa qarsoodi.',
    qrLabel: 'Koodhka QR ee xiriirka ku biirista',
    sheetLanguage: 'Ku daabac warqadda',
    joinTitle: 'Ku biir wadahadalka',
    joinIntro:
      'Waxaad ka qayb qaadanaysaa adigoon akoon lahayn. Jawaabahaagu waa qarsoodi; qalabkan ayaa ku xasuusanaya, markaa waad ku soo laaban kartaa isla xiriirka.',
    joinAgain: 'Mar kale ku biir xiriirkan',
    join: 'Ku biir',
    side: 'Dhinacaaga ({{divide}}), haddii aad rabto inaad sheegto',
    sideHint:
      'Ikhtiyaari. Waxay u suurtagelisaa qabanqaabiyayaasha inay arkaan waxa dhinac kastaa isku raacsan yahay; qofna ma arko jawaabahaaga.',
    noSide: 'Waxaan door bidayaa inaanan sheegin',
    closed: 'Wadahadalkan waa xiran yahay: waad akhrin kartaa laakiin mar dambe codayn ma jirto.',
    voteLabel: 'Jawaabtaada',
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
  errors: {
    TT_ERR_JOIN_LINK_UNKNOWN:
      'Xiriirkan ku biirista lama yaqaan. Hubi in si buuxda loo koobiyeeyay, ama mar kale xiriirka ka codso qabanqaabiyaha.',
    TT_ERR_JOIN_LINK_REVOKED: 'Qabanqaabiyaha ayaa ka noqday xiriirkan. Ka codso mid cusub.',
    TT_ERR_JOIN_LINK_USED:
      'Xiriirkan gaarka ah hore ayaa loogu biiray, qalabkii ugu horreeyay ee furay. Ku noqo qalabkaas, ama xiriir cusub ka codso qabanqaabiyaha.',
  },
};

export default so;
