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
  surveyJoin: {
    title: 'Ka jawaab sahan',
    intro:
      'Sahankan waa qarsoodi: akoon iyo magac midna looma baahna. Jawaabahaaga waa la xiraa, waxaana la arkaa kaliya wadar ahaan.',
    side: 'Dhinacaaga (ikhtiyaari)',
    gender: 'Jinsiga (ikhtiyaari)',
    optional: 'Waad ka tagi kartaa meeshan oo bannaan.',
    noAnswer: 'Door inaanan sheegin',
    privacy:
      'Jawaabahaagu waxay ku jiraan kaliya server-kan, iyagoo xiran; qofna ma arko cidda waxa ka jawaabtay. Qalabkani wuxuu hayaa xiriirkaaga jawaabta si aad ugu soo laabato wareegga xiga.',
    start: 'Bilow sahanka',
    noWave: 'Sahankani maanta jawaabo ma qaato. Soo noqo marka wareegga xiga furmo.',
    linkTitle: 'Xiriir furan oo qolka loogu talagalay',
    linkHint:
      'Qof kasta oo haysta xiriirkan wuxuu ku jawaabaa akoon la’aan, isagoo ah jawaabe isbarbardhig ah (ka qaybgalayaasha hawsha waxay ku jawaabaan xiriirradooda gaarka ah). Beddelkiisu wuxuu joojiyaa kii hore.',
    make: 'Samee xiriir furan',
    link: 'Xiriirka sahanka',
    qrLabel: 'Koodhka QR ee xiriirka sahanka',
    joined_one: '{{count}} qof ayaa ku soo biiray xiriirkan.',
    joined_other: '{{count}} qof ayaa ku soo biiray xiriirkan.',
    revoke: 'Ka noqo xiriirka',
    back: 'Ku noqo sahanka',
    none: 'Sahankan ma laha xiriir furan: mid ka samee bogga sahanka.',
    sheetStep2: 'Sheeg dhinacaaga iyo jinsigaaga haddii aad rabto; labaduba waa ikhtiyaari.',
    sheetStep3: 'Ka jawaab su’aal kasta; waad beddeli kartaa jawaabahaaga ilaa wareeggu xirmo.',
  },
  surveyTranslations: {
    title: 'Tarjumaadda qalabka cabbirka',
    hint: 'Jawaabayaasha waxaa la weydiiyaa kaliya qoraallo la hubiyay: tarjumaadaha maktabadda ee la eegay, ama kuwa sahankan marka qof labaad ansixiyo. Qabyada halkan ayay ka muuqdaan, weligoodna lama tuso jawaabayaasha, kuwaas oo helaya Ingiriisiga.',
    none: 'Sahanka waxaa lagu weydiiyaa Ingiriisi kaliya: ku dar luqado si loo tarjumo.',
    standings: {
      reviewed: 'la hubiyay (maktabadda)',
      approved: 'la ansixiyay',
      draft: 'qabyo: weli lama tusin jawaabayaasha',
      missing: 'lama tarjumin',
    },
    approvedBy: 'waxaa ansixiyay {{name}} {{date}}',
    someone: 'akoon hore',
    translate: 'Tarjun',
    open: 'Fur',
    fromLibrary:
      'Kuwani waa qoraallada qabyada ah ee maktabadda: u kaydi (haddii loo baahdo sax) qabyo ahaan sahankan, kadibna qof labaad ha ansixiyo.',
    inLanguage: 'Luqadda: {{language}}',
    saved: 'Waxaa loo kaydiyay qabyo: qof labaad waa inuu ansixiyaa ka hor inta aysan jawaabayaashu arkin.',
    approved: 'La ansixiyay: jawaabayaasha hadda waxaa lagu weydiinayaa tarjumaaddan.',
    saveDraft: 'Kaydi qabyada',
    approve: 'Ansixi (waan barbar dhigay Ingiriisiga)',
  },
};

export default so;
