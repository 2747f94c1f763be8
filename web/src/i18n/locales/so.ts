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
    originalIn: 'Asalka waa {{language}}: weli lama turjumin',
    writtenIn: 'Luqadda lagu qoray',
  },
  people: {
    link: 'Dadka',
    title: 'Dadka iyo casuumaadaha',
    members: 'Xubnaha',
    noMembers: 'Weli cidna door kuma laha halkan.',
    role: 'Doorka',
    roles: {
      convener: 'Qabanqaabiye',
      facilitator: 'Fududeeye',
      participant: 'Ka qaybgale',
      researcher: 'Cilmi-baare',
      funder: 'Maalgeliye',
      translator: 'Turjubaan',
    },
    remove: 'Ka saar',
    removeRole: 'Ka saar doorka {{role}} ee {{name}}',
    changeRole: 'Doorka {{name}}',
    change: 'Beddel doorka',
    disabled: 'akoonka waa la xiray',
    disable: 'Xir akoonka',
    enable: 'Fur akoonka',
    confirmTitle: 'Xaqiiji',
    confirmDisable:
      'Ma xiraysaa akoonka {{name}}? Isla markiiba meel kasta waa laga saarayaa, mana geli karo goob shaqo kasta ilaa akoonka dib loo furo.',
    confirmEnable:
      'Dib ma u furaysaa akoonka {{name}}? Markaas wuu geli karaa isagoo isticmaalaya furihiisa sirta ah.',
    invite: 'Casuun qof',
    inviteHint:
      'Waxaad helaysaa xiriir aad adigu ku dirto habkaaga: iimayl lama dirayo. Hal mar ayuu shaqeeyaa, muddo 14 maalmood ah.',
    inviteEmail: 'Iimaylkiisa',
    inviteSubmit: 'Samee xiriir casuumaad',
    linkMade: 'Xiriirka casuumaadda ee {{email}}. Hadda koobiyee: mar keliya ayaa la muujinayaa.',
    linkLabel: 'Xiriirka casuumaadda',
    copy: 'Koobiyee xiriirka',
    copied: 'Waa la koobiyeeyay',
    invitations: 'Casuumaadaha',
    noInvitations: 'Weli casuumaad ma jirto.',
    statuses: {
      pending: 'sugaya',
      accepted: 'la aqbalay',
      expired: 'dhacay',
      revoked: 'la laabtay',
    },
    expires: 'Wuu shaqeynayaa ilaa {{date}}',
    linkNotKept:
      'Xiriirka mar keliya ayaa la muujiyay, markii la sameeyay; waxaa la hayaa oo keliya faraha-calaamad. Haddii uu lumay, ka laab oo mid cusub samee.',
    revoke: 'Ka laab',
  },
  invitation: {
    title: 'Casuumaad',
    intro: 'Waxaa lagugu casuumay inaad ka qaybqaadato “{{initiative}}” adigoo ah {{role}}.',
    forEmail: 'Casuumaaddu waxay u socotaa cinwaanka',
    accept: 'Aqbal casuumaadda',
    otherAccount:
      'Waxaad ku gashay {{email}}, ma aha cinwaanka la casuumay. Ka bax, kadibna mar kale fur xiriirka.',
    newPerson: 'Ma cusub tahay? Samee akoonkaaga',
    name: 'Magacaaga',
    password: 'Dooro fure sir ah',
    create: 'Samee akoonkayga oo aqbal',
    haveAccount: 'Horey ma ugu leedahay akoon cinwaankan?',
    signIn: 'Gal si aad u aqbasho',
  },
  passwordChange: {
    title: 'Dooro furahaaga sirta ah',
    intro:
      'Waxaad ku gashay furaha hal-mar ah ee la muujiyay markii serferku markii ugu horreysay shaqeeyay. Dooro fure kuu gaar ah intaadan sii wadin: dad kale ayaa laga yaabaa inay arkeen furaha hal-mar ah.',
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
    TT_ERR_PASSWORD_CHANGE_REQUIRED:
      'Marka hore dooro fure sir ah oo kuu gaar ah: furaha hal-mar ah wax kale uma shaqeeyo.',
    TT_ERR_INVITATION_UNKNOWN:
      'Xiriirkan casuumaadda lama yaqaan. Hubi in dhammaantiis la koobiyeeyay, ama mid cusub ka codso qofkii ku casuumay.',
    TT_ERR_INVITATION_EXPIRED:
      'Xiriirkan casuumaadda wuu dhacay (xiriiradu waxay socdaan 14 maalmood). Mid cusub ka codso qofkii ku casuumay.',
    TT_ERR_INVITATION_REVOKED: 'Casuumaaddan waa la laabtay. Mid cusub ka codso qofkii ku casuumay.',
    TT_ERR_INVITATION_USED:
      'Xiriirkan casuumaadda horey ayaa loo isticmaalay. Gal, ama mid cusub ka codso qofkii ku casuumay.',
    TT_ERR_INVITATION_SIGN_IN_REQUIRED:
      'Cinwaanka la casuumay horey ayuu akoon halkan ugu leeyahay. Ku gal, kadibna aqbal casuumaadda.',
    TT_ERR_INVITATION_OTHER_ACCOUNT:
      'Casuumaaddani waxay u socotaa cinwaan ka duwan akoonka aad ku jirto. Ka bax, kadibna mar kale fur xiriirka.',
    TT_ERR_LAST_CONVENER:
      'Kani waa qabanqaabiyaha ugu dambeeya ee hindisaha: marka hore qof kale ka dhig qabanqaabiye.',
    TT_ERR_SELF_LOCKOUT:
      'Tani waxay kaa qaadaysaa xaqaaga maareynta dadka halkan. Weydii qabanqaabiye kale ama maamule.',
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
};

export default so;
