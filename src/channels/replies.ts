/**
 * What the channels answer, in the seven languages of the app. Short on purpose: every reply should fit
 * one SMS in GSM-7 where the language allows. `{n}`, `{k}`, `{list}` are filled in by `reply`.
 */
export const CHANNEL_LANGUAGES = ['en', 'fr', 'ar', 'he', 'so', 'sw', 'ln'] as const;
export type ChannelLanguage = (typeof CHANNEL_LANGUAGES)[number];

export interface ReplyTexts {
  name: string;
  help: string;
  unknownKeyword: string;
  welcome: string;
  options: string;
  recorded: string;
  done: string;
  submitted: string;
  language: string;
  languageUnknown: string;
  stopped: string;
  slowDown: string;
  unknownNumber: string;
  closed: string;
  tooLong: string;
  ussdChoose: string;
  ussdNone: string;
  ussdActions: string;
  ussdType: string;
  ussdInvalid: string;
  ussdBye: string;
  surveyNone: string;
  surveyThanks: string;
  surveyRange: string;
}

const en: ReplyTexts = {
  name: 'English',
  help: 'Text JOIN and the keyword to join. Then 1 agree, 2 disagree, 0 pass; S and your text to add a statement; LANG and a code (en fr ar he so sw ln); STOP to leave.',
  unknownKeyword: 'No dialogue answers to {k}. Check the keyword and text JOIN and the keyword again.',
  welcome: 'Welcome. {k}',
  options: 'Reply 1 agree, 2 disagree, 0 pass',
  recorded: 'Vote saved.',
  done: 'You have answered every statement. Thank you! Text S and your own statement to add one.',
  submitted: 'Thank you: your statement was received.',
  language: 'Language: English.',
  languageUnknown: 'This dialogue answers in: {list}.',
  stopped: 'You have left the dialogue; you will get no more messages. Text JOIN {k} to come back.',
  slowDown: 'You are sending messages too fast. Please wait a minute, then send again.',
  unknownNumber: 'Statement {n} was not sent to you. Reply with the number of a statement you received.',
  closed: 'This dialogue is closed. Thank you for taking part.',
  tooLong: 'Your statement is too long. Please send a shorter one.',
  ussdChoose: 'Choose a dialogue:',
  ussdNone: 'No dialogue is open by USSD at the moment.',
  ussdActions: '1 Read and vote\n2 Add a statement\n3 Answer the survey\n4 Change language',
  ussdType: 'Type your statement:',
  ussdInvalid: 'That choice is not on the menu.',
  ussdBye: 'Thank you. Dial again to continue.',
  surveyNone: 'No survey is open in this dialogue at the moment.',
  surveyThanks: 'Thank you: your answers to the survey were saved.',
  surveyRange: 'Type a number from {min} to {max}.',
};

const fr: ReplyTexts = {
  name: 'Français',
  help: 'Envoyez JOIN et le mot-clé pour participer. Puis 1 d’accord, 2 pas d’accord, 0 passer ; S et votre texte pour une proposition ; LANG et un code ; STOP pour partir.',
  unknownKeyword: 'Aucun dialogue ne répond à {k}. Vérifiez le mot-clé et renvoyez JOIN et le mot-clé.',
  welcome: 'Bienvenue. {k}',
  options: 'Répondez 1 d’accord, 2 pas d’accord, 0 passer',
  recorded: 'Vote enregistré.',
  done: 'Vous avez répondu à toutes les propositions. Merci ! Envoyez S et votre texte pour en ajouter une.',
  submitted: 'Merci : votre proposition est bien reçue.',
  language: 'Langue : français.',
  languageUnknown: 'Ce dialogue répond en : {list}.',
  stopped: 'Vous avez quitté le dialogue ; vous ne recevrez plus de messages. Envoyez JOIN {k} pour revenir.',
  slowDown: 'Vous envoyez trop vite. Attendez une minute puis renvoyez.',
  unknownNumber:
    'La proposition {n} ne vous a pas été envoyée. Répondez avec le numéro d’une proposition reçue.',
  closed: 'Ce dialogue est clos. Merci de votre participation.',
  tooLong: 'Votre proposition est trop longue. Envoyez-en une plus courte.',
  ussdChoose: 'Choisissez un dialogue :',
  ussdNone: 'Aucun dialogue n’est ouvert par USSD pour le moment.',
  ussdActions: '1 Lire et voter\n2 Ajouter une proposition\n3 Répondre au questionnaire\n4 Changer de langue',
  ussdType: 'Écrivez votre proposition :',
  ussdInvalid: 'Ce choix n’est pas dans le menu.',
  ussdBye: 'Merci. Rappelez pour continuer.',
  surveyNone: 'Aucun questionnaire n’est ouvert dans ce dialogue pour le moment.',
  surveyThanks: 'Merci : vos réponses au questionnaire sont enregistrées.',
  surveyRange: 'Tapez un nombre de {min} à {max}.',
};

const ar: ReplyTexts = {
  name: 'العربية',
  help: 'أرسل JOIN والكلمة المفتاحية للانضمام. ثم 1 موافق، 2 غير موافق، 0 تخطٍّ؛ S ونصك لإضافة عبارة؛ LANG ورمز اللغة؛ STOP للمغادرة.',
  unknownKeyword: 'لا يوجد حوار بالكلمة {k}. تحقق من الكلمة وأرسل JOIN والكلمة مجددًا.',
  welcome: 'أهلًا بك. {k}',
  options: 'أجب 1 موافق، 2 غير موافق، 0 تخطٍّ',
  recorded: 'حُفظ صوتك.',
  done: 'أجبت عن كل العبارات. شكرًا! أرسل S ونصك لإضافة عبارة.',
  submitted: 'شكرًا: وصلت عبارتك.',
  language: 'اللغة: العربية.',
  languageUnknown: 'يجيب هذا الحوار بـ: {list}.',
  stopped: 'غادرت الحوار ولن تصلك رسائل أخرى. أرسل JOIN {k} للعودة.',
  slowDown: 'ترسل الرسائل بسرعة كبيرة. انتظر دقيقة ثم أرسل مجددًا.',
  unknownNumber: 'لم تُرسل إليك العبارة {n}. أجب برقم عبارة وصلتك.',
  closed: 'هذا الحوار مغلق. شكرًا لمشاركتك.',
  tooLong: 'عبارتك طويلة جدًا. أرسل عبارة أقصر.',
  ussdChoose: 'اختر حوارًا:',
  ussdNone: 'لا يوجد حوار مفتوح عبر USSD حاليًا.',
  ussdActions: '1 اقرأ وصوّت\n2 أضف عبارة\n3 أجب عن الاستبيان\n4 غيّر اللغة',
  ussdType: 'اكتب عبارتك:',
  ussdInvalid: 'هذا الخيار ليس في القائمة.',
  ussdBye: 'شكرًا. اتصل مجددًا للمتابعة.',
  surveyNone: 'لا يوجد استبيان مفتوح في هذا الحوار حاليًا.',
  surveyThanks: 'شكرًا: حُفظت إجاباتك عن الاستبيان.',
  surveyRange: 'اكتب رقمًا من {min} إلى {max}.',
};

const he: ReplyTexts = {
  name: 'עברית',
  help: 'שלחו JOIN ואת מילת המפתח כדי להצטרף. אחר כך 1 מסכים, 2 לא מסכים, 0 דילוג; S וטקסט להוספת היגד; LANG וקוד שפה; STOP ליציאה.',
  unknownKeyword: 'אין דיאלוג למילה {k}. בדקו את המילה ושלחו שוב JOIN ואת המילה.',
  welcome: 'ברוכים הבאים. {k}',
  options: 'השיבו 1 מסכים, 2 לא מסכים, 0 דילוג',
  recorded: 'ההצבעה נשמרה.',
  done: 'עניתם על כל ההיגדים. תודה! שלחו S והיגד משלכם כדי להוסיף.',
  submitted: 'תודה: ההיגד שלכם התקבל.',
  language: 'שפה: עברית.',
  languageUnknown: 'הדיאלוג עונה ב: {list}.',
  stopped: 'יצאתם מהדיאלוג ולא תקבלו עוד הודעות. שלחו JOIN {k} כדי לחזור.',
  slowDown: 'אתם שולחים מהר מדי. המתינו דקה ושלחו שוב.',
  unknownNumber: 'היגד {n} לא נשלח אליכם. השיבו עם מספר של היגד שקיבלתם.',
  closed: 'הדיאלוג סגור. תודה על ההשתתפות.',
  tooLong: 'ההיגד ארוך מדי. שלחו היגד קצר יותר.',
  ussdChoose: 'בחרו דיאלוג:',
  ussdNone: 'אין כרגע דיאלוג פתוח ב-USSD.',
  ussdActions: '1 קריאה והצבעה\n2 הוספת היגד\n3 מענה לסקר\n4 החלפת שפה',
  ussdType: 'כתבו את ההיגד:',
  ussdInvalid: 'הבחירה אינה בתפריט.',
  ussdBye: 'תודה. חייגו שוב כדי להמשיך.',
  surveyNone: 'אין כרגע סקר פתוח בדיאלוג הזה.',
  surveyThanks: 'תודה: התשובות שלכם לסקר נשמרו.',
  surveyRange: 'הקלידו מספר מ-{min} עד {max}.',
};

const so: ReplyTexts = {
  name: 'Soomaali',
  help: 'Dir JOIN iyo erayga furaha si aad ugu biirto. Kadib 1 waan raacsanahay, 2 ma raacsani, 0 dhaaf; S iyo qoraalkaaga; LANG iyo luqad; STOP si aad uga baxdo.',
  unknownKeyword: 'Ma jiro wadahadal ku jawaaba {k}. Hubi erayga oo mar kale dir JOIN iyo erayga.',
  welcome: 'Soo dhawoow. {k}',
  options: 'Ku jawaab 1 waan raacsanahay, 2 ma raacsani, 0 dhaaf',
  recorded: 'Codkaaga waa la keydiyay.',
  done: 'Dhammaan bayaannada waad ka jawaabtay. Mahadsanid! Dir S iyo bayaankaaga si aad mid ugu darto.',
  submitted: 'Mahadsanid: bayaankaaga waa la helay.',
  language: 'Luqadda: Soomaali.',
  languageUnknown: 'Wadahadalkan wuxuu ku jawaabaa: {list}.',
  stopped: 'Waad ka baxday wadahadalka; fariimo kale ma heli doontid. Dir JOIN {k} si aad u soo laabato.',
  slowDown: 'Fariimaha aad ayaad u degdegaysaa. Fadlan sug hal daqiiqo, kadib mar kale dir.',
  unknownNumber: 'Bayaanka {n} laguuma soo dirin. Ku jawaab lambarka bayaan aad heshay.',
  closed: 'Wadahadalkan waa xiran yahay. Mahadsanid ka qayb qaadashadaada.',
  tooLong: 'Bayaankaagu aad buu u dheer yahay. Fadlan dir mid ka gaaban.',
  ussdChoose: 'Dooro wadahadal:',
  ussdNone: 'Hadda ma jiro wadahadal USSD ku furan.',
  ussdActions: '1 Akhri oo codee\n2 Ku dar bayaan\n3 Ka jawaab sahanka\n4 Beddel luqadda',
  ussdType: 'Qor bayaankaaga:',
  ussdInvalid: 'Doorashadaas kuma jirto liiska.',
  ussdBye: 'Mahadsanid. Mar kale garaac si aad u sii waddo.',
  surveyNone: 'Hadda ma jiro sahan ku furan wadahadalkan.',
  surveyThanks: 'Mahadsanid: jawaabahaaga sahanka waa la kaydiyay.',
  surveyRange: 'Qor tiro u dhexeysa {min} ilaa {max}.',
};

const sw: ReplyTexts = {
  name: 'Kiswahili',
  help: 'Tuma JOIN na neno kuu ili kujiunga. Kisha 1 nakubali, 2 sikubali, 0 ruka; S na maandishi yako kuongeza kauli; LANG na msimbo wa lugha; STOP kuondoka.',
  unknownKeyword: 'Hakuna mazungumzo yanayojibu {k}. Hakiki neno kuu na utume tena JOIN na neno hilo.',
  welcome: 'Karibu. {k}',
  options: 'Jibu 1 nakubali, 2 sikubali, 0 ruka',
  recorded: 'Kura imehifadhiwa.',
  done: 'Umejibu kauli zote. Asante! Tuma S na kauli yako ili kuongeza moja.',
  submitted: 'Asante: kauli yako imepokelewa.',
  language: 'Lugha: Kiswahili.',
  languageUnknown: 'Mazungumzo haya yanajibu kwa: {list}.',
  stopped: 'Umeondoka kwenye mazungumzo; hutapokea ujumbe zaidi. Tuma JOIN {k} kurudi.',
  slowDown: 'Unatuma ujumbe haraka mno. Tafadhali subiri dakika moja, kisha utume tena.',
  unknownNumber: 'Kauli {n} haikutumwa kwako. Jibu kwa namba ya kauli uliyopokea.',
  closed: 'Mazungumzo haya yamefungwa. Asante kwa kushiriki.',
  tooLong: 'Kauli yako ni ndefu mno. Tafadhali tuma fupi zaidi.',
  ussdChoose: 'Chagua mazungumzo:',
  ussdNone: 'Hakuna mazungumzo yaliyo wazi kwa USSD kwa sasa.',
  ussdActions: '1 Soma na upige kura\n2 Ongeza kauli\n3 Jibu dodoso\n4 Badilisha lugha',
  ussdType: 'Andika kauli yako:',
  ussdInvalid: 'Chaguo hilo halipo kwenye menyu.',
  ussdBye: 'Asante. Piga tena kuendelea.',
  surveyNone: 'Hakuna dodoso lililo wazi katika mazungumzo haya kwa sasa.',
  surveyThanks: 'Asante: majibu yako ya dodoso yamehifadhiwa.',
  surveyRange: 'Andika namba kuanzia {min} hadi {max}.',
};

const ln: ReplyTexts = {
  name: 'Lingála',
  help: 'Tinda JOIN mpe liloba ya fungola mpo na kokota. Sima 1 nandimi, 2 nandimi te, 0 leka; S mpe maloba na yo; LANG mpe monoko; STOP mpo na kobima.',
  unknownKeyword: 'Lisolo moko te eyanolaka na {k}. Tala liloba mpe tinda lisusu JOIN na liloba yango.',
  welcome: 'Boyei malamu. {k}',
  options: 'Yanola 1 nandimi, 2 nandimi te, 0 leka',
  recorded: 'Bopono na yo ebombami.',
  done: 'Oyanoli maloba nyonso. Matondi! Tinda S mpe maloba na yo mpo na kobakisa.',
  submitted: 'Matondi: maloba na yo ekomi.',
  language: 'Monoko: Lingála.',
  languageUnknown: 'Lisolo oyo eyanolaka na: {list}.',
  stopped: 'Obimi na lisolo; okozwa lisusu nsango te. Tinda JOIN {k} mpo na kozonga.',
  slowDown: 'Ozali kotinda nsango noki mingi. Zela miniti moko, sima tinda lisusu.',
  unknownNumber: 'Maloba {n} etindamelaki yo te. Yanola na motango ya maloba oyo ozwaki.',
  closed: 'Lisolo oyo ekangami. Matondi mpo osangani.',
  tooLong: 'Maloba na yo eleki molai. Tinda maloba ya mokuse.',
  ussdChoose: 'Pona lisolo:',
  ussdNone: 'Lisolo moko te efungwami na USSD sikoyo.',
  ussdActions: '1 Tanga mpe pona\n2 Bakisa maloba\n3 Yanola mituna\n4 Bongola monoko',
  ussdType: 'Koma maloba na yo:',
  ussdInvalid: 'Liponi yango ezali na menyu te.',
  ussdBye: 'Matondi. Benga lisusu mpo na kokoba.',
  surveyNone: 'Ankete moko te efungwami na lisolo oyo sikoyo.',
  surveyThanks: 'Matondi: biyano na yo ya ankete ebombami.',
  surveyRange: 'Koma motango banda {min} tii {max}.',
};

export const REPLIES: Record<ChannelLanguage, ReplyTexts> = { en, fr, ar, he, so, sw, ln };

export function isChannelLanguage(code: string): code is ChannelLanguage {
  return (CHANNEL_LANGUAGES as readonly string[]).includes(code);
}

/** A reply in the language asked, English for a language the app has no texts in. */
export function reply(
  language: string,
  key: keyof ReplyTexts,
  values: { n?: number; k?: string; list?: string } = {},
): string {
  const texts = isChannelLanguage(language) ? REPLIES[language] : REPLIES.en;
  return texts[key]
    .replace('{n}', values.n === undefined ? '' : `#${values.n}`)
    .replace('{k}', values.k ?? '')
    .replace('{list}', values.list ?? '');
}

/** A statement as sent: its short number first, so that a late `12 1` lands on it. */
export function statementMessage(language: string, number: number, text: string): string {
  return `#${number} ${text}\n${reply(language, 'options')}`;
}
