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
    sheetStep1: 'Changanua msimbo kwa kamera ya simu yako, au andika anwani.',
    sheetStep2: 'Sema uko upande gani, ukipenda; si lazima.',
    sheetStep3: 'Soma kila kauli na ujibu nakubali, sikubali au ruka. Unaweza kuongeza yako.',
    sheetPrivacy: 'Hakuna akaunti, hakuna jina: majibu yako hayana jina.',
    qrLabel: 'Msimbo wa QR wa kiungo cha kujiunga',
    sheetLanguage: 'Chapisha karatasi kwa',
    joinTitle: 'Jiunge na mazungumzo',
    joinIntro:
      'Unashiriki bila akaunti. Majibu yako hayana jina; kifaa hiki kinakukumbuka, kwa hivyo unaweza kurudi kwa kiungo kile kile.',
    joinAgain: 'Jiunge tena kwa kiungo hiki',
    join: 'Jiunge',
    side: 'Upande wako ({{divide}}), ukipenda kusema',
    sideHint:
      'Si lazima. Huwasaidia waratibu kuona kile ambacho kila upande unakubaliana nacho; hakuna anayeona majibu yako.',
    noSide: 'Ningependa kutosema',
    closed: 'Mazungumzo haya yamefungwa: unaweza kuyasoma lakini huwezi kupiga kura tena.',
    voteLabel: 'Jibu lako',
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
    originalIn: 'Asili kwa {{language}}: bado haijatafsiriwa',
    writtenIn: 'Imeandikwa kwa',
  },
  people: {
    link: 'Watu',
    title: 'Watu na mialiko',
    members: 'Wanachama',
    noMembers: 'Bado hakuna mtu mwenye jukumu hapa.',
    role: 'Jukumu',
    roles: {
      convener: 'Mratibu',
      facilitator: 'Mwezeshaji',
      participant: 'Mshiriki',
      researcher: 'Mtafiti',
      funder: 'Mfadhili',
      translator: 'Mfasiri',
    },
    remove: 'Ondoa',
    removeRole: 'Ondoa jukumu la {{role}} la {{name}}',
    changeRole: 'Jukumu la {{name}}',
    change: 'Badilisha jukumu',
    disabled: 'akaunti imezimwa',
    disable: 'Zima akaunti',
    enable: 'Washa akaunti',
    confirmTitle: 'Thibitisha',
    confirmDisable:
      'Zima akaunti ya {{name}}? Atatolewa kila mahali mara moja na hataweza kuingia katika eneo lolote la kazi hadi akaunti iwashwe tena.',
    confirmEnable: 'Washa tena akaunti ya {{name}}? Ataweza kuingia kwa nenosiri lake.',
    invite: 'Alika mtu',
    inviteHint:
      'Utapata kiungo cha kutuma kwa njia yako mwenyewe: hakuna barua pepe inayotumwa. Kinafanya kazi mara moja, kwa siku 14.',
    inviteEmail: 'Anwani yake ya barua pepe',
    inviteSubmit: 'Tengeneza kiungo cha mwaliko',
    linkMade: 'Kiungo cha mwaliko kwa {{email}}. Kinakili sasa: kinaonyeshwa mara hii tu.',
    linkLabel: 'Kiungo cha mwaliko',
    copy: 'Nakili kiungo',
    copied: 'Kimenakiliwa',
    invitations: 'Mialiko',
    noInvitations: 'Bado hakuna mialiko.',
    statuses: {
      pending: 'inasubiri',
      accepted: 'imekubaliwa',
      expired: 'imeisha muda',
      revoked: 'imeondolewa',
    },
    expires: 'Kinafanya kazi hadi {{date}}',
    linkNotKept:
      'Kiungo kilionyeshwa mara moja tu, kilipotengenezwa; ni alama yake tu inayohifadhiwa. Kikipotea, kiondoe na utengeneze kipya.',
    revoke: 'Ondoa',
  },
  invitation: {
    title: 'Mwaliko',
    intro: 'Umealikwa kushiriki katika “{{initiative}}” kama {{role}}.',
    forEmail: 'Mwaliko ni kwa anwani',
    accept: 'Kubali mwaliko',
    otherAccount: 'Umeingia kama {{email}}, si kwa anwani iliyoalikwa. Toka, kisha fungua kiungo tena.',
    newPerson: 'Mgeni hapa? Tengeneza akaunti yako',
    name: 'Jina lako',
    password: 'Chagua nenosiri',
    create: 'Tengeneza akaunti yangu na ukubali',
    haveAccount: 'Tayari una akaunti yenye anwani hii?',
    signIn: 'Ingia ili kukubali',
  },
  passwordChange: {
    title: 'Weka nenosiri lako mwenyewe',
    intro:
      'Umeingia kwa nenosiri la mara moja lililoonyeshwa seva ilipowashwa mara ya kwanza. Chagua nenosiri lako mwenyewe kabla ya kuendelea: huenda wengine waliliona nenosiri la mara moja.',
  },
  meetingEdit: {
    markHeld: 'Weka alama kuwa umefanyika',
    markCancelled: 'Weka alama kuwa umeahirishwa',
    edit: 'Hariri mkutano',
    delete: 'Futa mkutano',
    deleteQuestion:
      'Ufute mkutano huu, orodha ya waliohudhuria, kumbukumbu na maelezo yake kabisa? Matokeo yake yanabaki, na watu waliokutana wanabaki wameunganishwa.',
    deleteConfirm: 'Ndiyo, ufute',
    attendees: 'Waliohudhuria',
    remove: 'Ondoa',
    removeAttendee: 'Ondoa {{actor}} kwenye orodha ya waliohudhuria',
    minutes: 'Kumbukumbu za mkutano',
    notes: 'Maelezo ya kazi',
    minutesLabel: 'Kumbukumbu: yaliyosemwa na yaliyokubaliwa',
    notesLabel: 'Maelezo kwa wanaoendesha mchakato',
    chathamHint:
      'Kanuni ya Chatham House: andika yaliyosemwa, kamwe si nani aliyesema wala nani alikuwepo. Kumbukumbu zinazomtaja mhudhuriaji hazihifadhiwi.',
    savedAt: 'Ilihifadhiwa mwisho {{at}} (UTC)',
    saved: 'Imehifadhiwa.',
    textsHidden:
      'Chini ya kanuni hii, waitishaji wa mkutano pekee husoma na kuandika kumbukumbu na maelezo yake.',
  },
  tieEdit: {
    title: 'Badilisha uhusiano ({{tie}})',
    actions: 'Badilisha',
    edit: 'Hariri',
    editTie: 'Hariri uhusiano na {{actor}}',
    delete: 'Futa uhusiano',
    deleteQuestion: 'Ufute uhusiano huu kabisa? Ramani ya mtandao na vipimo vyake havitauhesabu tena.',
    deleteConfirm: 'Ndiyo, ufute',
  },
  picker: {
    placeholder: 'Andika sehemu ya jina bandia',
    placeholderNames: 'Andika sehemu ya jina au jina bandia',
    hint: 'Andika ili kutafuta, kisha gusa mhusika ili kumwongeza. Gusa × ili kumwondoa.',
    recipientsHint:
      'Wahusika wa Track 1 na 1.5 pekee wanaweza kupokea uhamisho. Andika ili kutafuta, kisha gusa ili kuongeza.',
    chosen: 'Wahusika waliochaguliwa',
    remove: 'Ondoa {{actor}}',
    none: 'Hakuna mhusika anayelingana.',
    track: 'track {{track}}',
  },
  errors: {
    TT_ERR_CHATHAM_HOUSE_ATTRIBUTED:
      'Mkutano huu unafanyika chini ya kanuni ya Chatham House: kumbukumbu zinaweza kusema yaliyosemwa, lakini si nani aliyesema wala nani alihudhuria. Ondoa majina na majina bandia ya waliohudhuria, kisha hifadhi tena.',
    TT_ERR_MEETING_CANCEL_ATTENDED:
      'Waliohudhuria wamerekodiwa kwa mkutano huu, kwa hiyo ulifanyika: ondoa mahudhurio kwanza, au weka alama kuwa umefanyika.',
    TT_ERR_JOIN_LINK_UNKNOWN:
      'Kiungo hiki cha kujiunga hakijulikani. Hakikisha kimenakiliwa chote, au muombe mratibu kiungo tena.',
    TT_ERR_JOIN_LINK_REVOKED: 'Mratibu ameondoa kiungo hiki cha kujiunga. Muombe kipya.',
    TT_ERR_JOIN_LINK_USED:
      'Kiungo hiki binafsi kimeshatumika kujiunga, kwenye kifaa kilichokifungua kwanza. Rudi kwenye kifaa hicho, au muombe mratibu kiungo kipya.',
    TT_ERR_PASSWORD_CHANGE_REQUIRED:
      'Kwanza weka nenosiri lako mwenyewe: nenosiri la mara moja linafaa kwa hilo tu.',
    TT_ERR_INVITATION_UNKNOWN:
      'Kiungo hiki cha mwaliko hakijulikani. Hakikisha kimenakiliwa chote, au muombe aliyekualika kiungo kipya.',
    TT_ERR_INVITATION_EXPIRED:
      'Kiungo hiki cha mwaliko kimeisha muda (viungo hudumu siku 14). Muombe aliyekualika kipya.',
    TT_ERR_INVITATION_REVOKED: 'Mwaliko huu umeondolewa. Muombe aliyekualika mpya.',
    TT_ERR_INVITATION_USED: 'Kiungo hiki cha mwaliko kimeshatumika. Ingia, au muombe aliyekualika kipya.',
    TT_ERR_INVITATION_SIGN_IN_REQUIRED:
      'Anwani iliyoalikwa tayari ina akaunti hapa. Ingia nayo, kisha ukubali mwaliko.',
    TT_ERR_INVITATION_OTHER_ACCOUNT:
      'Mwaliko huu ni kwa anwani nyingine, si ya akaunti uliyoingia nayo. Toka, kisha fungua kiungo tena.',
    TT_ERR_LAST_CONVENER: 'Huyu ndiye mratibu wa mwisho wa mpango huu: kwanza mfanye mtu mwingine mratibu.',
    TT_ERR_SELF_LOCKOUT:
      'Hili lingekuondolea haki yako ya kusimamia watu hapa. Muombe mratibu mwingine au msimamizi.',
  },
  surveyJoin: {
    title: 'Jibu utafiti',
    intro:
      'Utafiti huu hauna majina: hakuna akaunti, hakuna jina. Majibu yako yanahifadhiwa yakiwa yamefungwa na yanaonekana kwa jumla tu.',
    side: 'Upande wako (si lazima)',
    gender: 'Jinsia (si lazima)',
    optional: 'Unaweza kuacha hapa wazi.',
    noAnswer: 'Sipendi kusema',
    privacy:
      'Majibu yako yanabaki kwenye seva hii tu, yakiwa yamefungwa; hakuna anayeona nani alijibu nini. Kifaa hiki kinahifadhi kiungo chako cha majibu ili urudi kwa awamu ijayo.',
    start: 'Anza utafiti',
    noWave: 'Utafiti huu haupokei majibu leo. Rudi awamu ijayo itakapofunguliwa.',
    linkTitle: 'Kiungo wazi cha ukumbi',
    linkHint:
      'Yeyote mwenye kiungo hiki anajibu bila akaunti, kama mjibuji wa kulinganisha (washiriki wa mchakato wanajibu kwa viungo vyao wenyewe). Kukibadilisha kunaondoa kile cha zamani.',
    make: 'Tengeneza kiungo wazi',
    link: 'Kiungo cha utafiti',
    qrLabel: 'Msimbo wa QR wa kiungo cha utafiti',
    joined_one: 'Mtu {{count}} amejiunga kwa kiungo hiki.',
    joined_other: 'Watu {{count}} wamejiunga kwa kiungo hiki.',
    revoke: 'Ondoa kiungo',
    back: 'Rudi kwenye utafiti',
    none: 'Utafiti huu hauna kiungo wazi: tengeneza kimoja kwenye ukurasa wa utafiti.',
    sheetStep2: 'Taja upande wako na jinsia yako ukipenda; vyote si lazima.',
    sheetStep3: 'Jibu kila swali; unaweza kubadilisha majibu yako hadi awamu itakapofungwa.',
  },
};

export default sw;
