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
  errors: {
    TT_ERR_JOIN_LINK_UNKNOWN:
      'Kiungo hiki cha kujiunga hakijulikani. Hakikisha kimenakiliwa chote, au muombe mratibu kiungo tena.',
    TT_ERR_JOIN_LINK_REVOKED: 'Mratibu ameondoa kiungo hiki cha kujiunga. Muombe kipya.',
    TT_ERR_JOIN_LINK_USED:
      'Kiungo hiki binafsi kimeshatumika kujiunga, kwenye kifaa kilichokifungua kwanza. Rudi kwenye kifaa hicho, au muombe mratibu kiungo kipya.',
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
  surveyTranslations: {
    title: 'Tafsiri za vyombo vya kupima',
    hint: 'Wajibuji huulizwa kwa maandishi yaliyokaguliwa tu: tafsiri za maktaba zilizopitiwa, au za utafiti huu baada ya mtu wa pili kuziidhinisha. Rasimu zinaonyeshwa hapa tu, kamwe si kwa wajibuji, ambao hupata Kiingereza badala yake.',
    none: 'Utafiti unaulizwa kwa Kiingereza tu: ongeza lugha ili kuutafsiri.',
    standings: {
      reviewed: 'imekaguliwa (maktaba)',
      approved: 'imeidhinishwa',
      draft: 'rasimu: bado haionyeshwi kwa wajibuji',
      missing: 'haijatafsiriwa',
    },
    approvedBy: 'imeidhinishwa na {{name}} tarehe {{date}}',
    someone: 'akaunti ya zamani',
    translate: 'Tafsiri',
    open: 'Fungua',
    fromLibrary:
      'Haya ni maandishi ya rasimu ya maktaba: yahifadhi (yakirekebishwa ikihitajika) kama rasimu ya utafiti huu, kisha mtu wa pili ayaidhinishe.',
    inLanguage: 'Kwa {{language}}',
    saved: 'Imehifadhiwa kama rasimu: mtu wa pili lazima aiidhinishe kabla wajibuji hawajaiona.',
    approved: 'Imeidhinishwa: wajibuji sasa wanaulizwa kwa tafsiri hii.',
    saveDraft: 'Hifadhi rasimu',
    approve: 'Idhinisha (nimeilinganisha na Kiingereza)',
  },
};

export default sw;
