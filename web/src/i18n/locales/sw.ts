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
  },
};

export default sw;
