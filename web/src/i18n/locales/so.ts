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
  meetingEdit: {
    markHeld: 'Calaamadee in la qabtay',
    markCancelled: 'Calaamadee in la joojiyay',
    edit: 'Wax ka beddel kulanka',
    delete: 'Tirtir kulanka',
    deleteQuestion:
      'Ma tirtirtaa kulankan, liiska ka soo qaybgalayaasha, qoraalka kulanka iyo xusuus-qorka weligood? Natiijooyinkiisu way harayaan, dadkii kulmayna xiriir ayay ku harayaan.',
    deleteConfirm: 'Haa, tirtir',
    attendees: 'Ka soo qaybgalayaasha',
    remove: 'Ka saar',
    removeAttendee: 'Ka saar {{actor}} liiska ka soo qaybgalayaasha',
    minutes: 'Qoraalka kulanka',
    notes: 'Xusuus-qor shaqo',
    minutesLabel: 'Qoraalka kulanka: waxa la yiri iyo waxa lagu heshiiyay',
    notesLabel: 'Xusuus-qor loogu talagalay kuwa hawsha wada',
    chathamHint:
      'Xeerka Chatham House: qor waxa la yiri, marna ha qorin cidda tiri ama cidda joogtay. Qoraal magacaaba qof ka soo qaybgalay lama kaydiyo.',
    savedAt: 'Markii ugu dambeysay ee la kaydiyay {{at}} (UTC)',
    saved: 'Waa la kaydiyay.',
    textsHidden:
      'Xeerkan hoostiisa, qabanqaabiyeyaasha kulanka oo keliya ayaa akhriya oo qora qoraalka iyo xusuus-qorka.',
  },
  tieEdit: {
    title: 'Beddel xiriirka ({{tie}})',
    actions: 'Beddel',
    edit: 'Wax ka beddel',
    editTie: 'Wax ka beddel xiriirka {{actor}}',
    delete: 'Tirtir xiriirka',
    deleteQuestion:
      'Ma tirtirtaa xiriirkan weligiis? Khariidadda shabakadda iyo cabbiradeeda ma sii tirin doonaan.',
    deleteConfirm: 'Haa, tirtir',
  },
  picker: {
    placeholder: 'Qor qayb ka mid ah magac-qarsoodiga',
    placeholderNames: 'Qor qayb ka mid ah magac ama magac-qarsoodi',
    hint: 'Qor si aad u raadiso, kadib taabo qof si aad ugu darto. Taabo × si aad uga saarto.',
    recipientsHint:
      'Kaliya jilayaasha Track 1 iyo 1.5 ayaa heli kara wareejin. Qor si aad u raadiso, kadib taabo si aad ugu darto.',
    chosen: 'Jilayaasha la doortay',
    remove: 'Ka saar {{actor}}',
    none: 'Ma jiro jile ku habboon.',
    track: 'track {{track}}',
  },
  errors: {
    TT_ERR_CHATHAM_HOUSE_ATTRIBUTED:
      'Kulankan wuxuu ku socdaa xeerka Chatham House: qoraalka kulanka wuxuu sheegi karaa waxa la yiri, laakiin ma aha cidda tiri ama cidda joogtay. Ka saar magacyada iyo magac-qarsoodiyada ka soo qaybgalayaasha, kadibna mar kale kaydi.',
    TT_ERR_MEETING_CANCEL_ATTENDED:
      'Kulankan waxaa loo diiwaangeliyay ka soo qaybgalayaal, markaa wuu dhacay: marka hore ka saar ka soo qaybgalka, ama calaamadee in la qabtay.',
    TT_ERR_JOIN_LINK_UNKNOWN:
      'Xiriirkan ku biirista lama yaqaan. Hubi in si buuxda loo koobiyeeyay, ama mar kale xiriirka ka codso qabanqaabiyaha.',
    TT_ERR_JOIN_LINK_REVOKED: 'Qabanqaabiyaha ayaa ka noqday xiriirkan. Ka codso mid cusub.',
    TT_ERR_JOIN_LINK_USED:
      'Xiriirkan gaarka ah hore ayaa loogu biiray, qalabkii ugu horreeyay ee furay. Ku noqo qalabkaas, ama xiriir cusub ka codso qabanqaabiyaha.',
  },
};

export default so;
