// Every text of the portal in its three languages, the choice of language, and
// locale-aware formatting. Uzbek is written in the Latin script, with ʻ (U+02BB)
// in oʻ/gʻ and ʼ (U+02BC) for the tutuq belgisi.

export const LANGUAGES = ['uz', 'ru', 'en'];
export const DEFAULT_LANGUAGE = 'uz';
const STORAGE_KEY = 'portal.lang';

/** Value of <html lang> per language. */
export const HTML_LANG = { uz: 'uz-Latn', ru: 'ru', en: 'en' };

/** Locale for Intl formatting per language. */
export const FORMAT_LOCALE = { uz: 'uz-Latn-UZ', ru: 'ru-RU', en: 'en-GB' };

const STRINGS = {
  en: {
    'app.title': 'Document verification',
    'title.record': 'Document record',
    'skip': 'Skip to main content',
    'lang.group': 'Language',
    'footer.text':
      'Service Records Registry of the government agencies of Uzbekistan. Only a document’s fingerprint is sent to this portal, never the document itself.',

    'index.intro':
      'Check that a certificate or a decision issued by a government agency of Uzbekistan is authentic and still valid. The file stays on your device: only its digital fingerprint (SHA-256) is sent for checking.',
    'index.checkHeading': 'Check a file',
    'issuer.label': 'Issuing agency (optional)',
    'issuer.any': 'Any agency',
    'drop.title': 'Drop the document here or choose a file',
    'drop.hint': 'The file is not uploaded: it is checked on your device.',
    'hash.progress': 'Computing the fingerprint…',
    'hash.label': 'Fingerprint (SHA-256) of “{name}”:',
    'verify.again': 'Check again',
    'checking': 'Checking…',

    'at.heading': 'Validity on a date',
    'at.hint': 'Was the document valid at a given moment? Choose a date and time (in your local time).',
    'at.label': 'Date and time',
    'at.check': 'Check on this date',
    'at.clear': 'Back to now',
    'at.required': 'Choose a date and time first.',

    'verdict.VALID': 'Valid: this document is authentic and in force',
    'verdict.REVOKED': 'Revoked: this document is no longer valid',
    'verdict.SUPERSEDED': 'Replaced by a newer document',
    'verdict.EXPIRED': 'Expired: this document’s period of validity has ended',
    'verdict.NOT_YET_VALID': 'Not yet valid: this document comes into force later',
    'verdict.ISSUER_NOT_AUTHORIZED': 'The issuing agency was not authorised to issue this document',
    'verdict.UNKNOWN': 'Not found: no agency has recorded this document',
    'verdict.other': 'The portal gave an answer this page does not recognise ({code})',

    'explain.VALID':
      'A government agency recorded this document in the registry, and the record is in force at the time checked.',
    'explain.REVOKED': 'The issuing agency has revoked this document. Do not rely on it.',
    'explain.SUPERSEDED':
      'The agency has issued a newer document in place of this one. Check the document in force instead.',
    'explain.EXPIRED': 'The document is genuine, but its period of validity has ended.',
    'explain.NOT_YET_VALID':
      'The document is genuine, but its period of validity had not begun at the time checked.',
    'explain.ISSUER_NOT_AUTHORIZED':
      'The document was recorded, but the agency that recorded it had no authority to issue this type of document. Do not rely on it.',
    'explain.UNKNOWN':
      'The file may have been altered — even one changed byte gives a completely different fingerprint — or the document was not issued through this registry. Make sure you are checking the original file you received.',
    'explain.UNKNOWN_RECORD':
      'There is no record with this number. The link or the QR code may have been mistyped or damaged.',
    'explain.issuerFilter': 'Only records of {agency} were considered.',

    'badge.VALID': 'Valid',
    'badge.REVOKED': 'Revoked',
    'badge.SUPERSEDED': 'Replaced',
    'badge.EXPIRED': 'Expired',
    'badge.NOT_YET_VALID': 'Not yet valid',
    'badge.ISSUER_NOT_AUTHORIZED': 'Issuer not authorised',
    'badge.UNKNOWN': 'Not found',

    'field.issuer': 'Issuing agency',
    'field.documentType': 'Document type',
    'field.recordId': 'Record number',
    'field.validFrom': 'Valid from',
    'field.validUntil': 'Valid until',
    'field.noEnd': 'No end date',
    'field.revokedAt': 'Revoked on',
    'field.revocationReason': 'Reason for revocation',
    'field.current': 'Document in force',
    'field.currentLink': 'See the document in force',
    'field.transaction': 'Ledger transaction',
    'field.recordedAt': 'Recorded in the ledger',
    'field.none': '—',

    'docType.BIRTH_CERTIFICATE': 'Birth certificate',
    'docType.MARRIAGE_CERTIFICATE': 'Marriage certificate',
    'docType.DIVORCE_CERTIFICATE': 'Divorce certificate',
    'docType.DEATH_CERTIFICATE': 'Death certificate',
    'docType.BUSINESS_LICENCE': 'Business licence',
    'docType.DRIVING_LICENCE': 'Driving licence',
    'docType.BUILDING_PERMIT': 'Building permit',
    'docType.SERVICE_DECISION': 'Decision on a public service',

    'reason.ISSUED_IN_ERROR': 'Issued in error',
    'reason.FRAUD': 'Fraud',
    'reason.DUPLICATE': 'Duplicate',
    'reason.DATA_ERROR': 'Error in the data',
    'reason.COURT_ORDER': 'Court order',
    'reason.REPLACED': 'Replaced by another document',

    'attested': 'Confirmed independently by the computers (peers) of: {names}',
    'checkedAt': 'Checked at {date}',
    'asOf': 'Verdict as of {date}',

    'record.back': 'Check another document',
    'record.heading': 'Record in the registry',
    'record.intro':
      'This page shows what the registry holds about one document, for example the one whose QR code you scanned.',
    'record.ledgerHash': 'Fingerprint of the document in the ledger (SHA-256):',
    'qr.match': 'The code matches the ledger record.',
    'qr.mismatch':
      'Warning: the code printed on the paper does not match the ledger record: the paper may be forged.',
    'qr.invalid':
      'Warning: the fingerprint in this link is incomplete or damaged, so the paper cannot be matched with the ledger record.',
    'compare.heading': 'Compare your copy',
    'compare.intro':
      'If you have the document as a file, choose it: its fingerprint is computed on your device and compared with the ledger record. Nothing is sent.',
    'compare.match': 'Your file is exactly the recorded document.',
    'compare.mismatch': 'Your file differs from the recorded document.',
    'compare.mismatchHint': 'Even one changed byte gives a different fingerprint.',
    'compare.noRecord': 'There is no ledger record to compare your file with.',

    'error.INVALID_HASH': 'The document’s fingerprint was not accepted.',
    'error.INVALID_ID': 'The record number in this link is not valid. Check the link.',
    'error.INVALID_NAMESPACE': 'The register named in this link is not valid. Check the link.',
    'error.INVALID_ISSUER': 'The selected agency was not accepted.',
    'error.INVALID_DATE': 'The date was not accepted. Choose another date and time.',
    'error.INVALID_REQUEST': 'The portal did not understand the request. Reload the page and try again.',
    'error.UNKNOWN_NAMESPACE': 'The register named in this link does not exist. Check the link.',
    'error.UNKNOWN_ISSUER': 'The selected agency is not known to the registry.',
    'error.PAYLOAD_TOO_LARGE': 'The request was too large for the portal.',
    'error.UNSUPPORTED_MEDIA_TYPE':
      'The portal did not accept the format of the request. Reload the page and try again.',
    'error.RATE_LIMITED': 'Too many checks in a short time. Wait a moment and try again.',
    'error.retryAfter': 'You can try again in {seconds} s.',
    'error.PEERS_UNAVAILABLE': 'The registry’s computers cannot be reached at the moment. Try again later.',
    'error.ATTESTATION_FAILED':
      'The registry’s computers did not give matching answers, so no verdict can be given. Try again later.',
    'error.NOT_FOUND': 'The portal could not find what was asked for.',
    'error.INTERNAL_ERROR': 'Something went wrong on the portal. Try again later.',
    'error.METHOD_NOT_ALLOWED': 'The portal did not accept this kind of request. Reload the page and try again.',
    'error.NETWORK': 'The portal cannot be reached. Check your internet connection and try again.',
    'error.HASH_FAILED': 'The file could not be read on your device. Try choosing it again.',
    'error.BAD_RESPONSE': 'The portal sent an answer this page cannot read. Try again later.',
    'error.INVALID_LINK': 'This address is not a valid link to a record. Check the link or the QR code.',
    'error.generic': 'The check could not be completed.',
    'error.code': 'Error code: {code}',
  },

  uz: {
    'app.title': 'Hujjatni tekshirish',
    'title.record': 'Hujjat yozuvi',
    'skip': 'Asosiy qismga oʻtish',
    'lang.group': 'Til',
    'footer.text':
      'Oʻzbekiston davlat idoralarining xizmat hujjatlari reyestri. Bu portalga hujjatning oʻzi emas, faqat uning raqamli barmoq izi yuboriladi.',

    'index.intro':
      'Oʻzbekiston davlat idorasi bergan guvohnoma yoki qaror asl ekanini va hali amal qilishini tekshiring. Fayl qurilmangizda qoladi: tekshirish uchun faqat uning raqamli barmoq izi (SHA-256) yuboriladi.',
    'index.checkHeading': 'Faylni tekshirish',
    'issuer.label': 'Hujjatni bergan idora (ixtiyoriy)',
    'issuer.any': 'Istalgan idora',
    'drop.title': 'Hujjatni shu yerga tashlang yoki faylni tanlang',
    'drop.hint': 'Fayl hech qayerga yuklanmaydi: u qurilmangizda tekshiriladi.',
    'hash.progress': 'Raqamli barmoq izi hisoblanmoqda…',
    'hash.label': '“{name}” faylining raqamli barmoq izi (SHA-256):',
    'verify.again': 'Qayta tekshirish',
    'checking': 'Tekshirilmoqda…',

    'at.heading': 'Maʼlum sanadagi holat',
    'at.hint':
      'Hujjat maʼlum bir paytda amalda boʻlganmi? Sana va vaqtni tanlang (mahalliy vaqtingiz boʻyicha).',
    'at.label': 'Sana va vaqt',
    'at.check': 'Shu sanaga tekshirish',
    'at.clear': 'Hozirgi holatga qaytish',
    'at.required': 'Avval sana va vaqtni tanlang.',

    'verdict.VALID': 'Haqiqiy: bu hujjat asl va amal qilmoqda',
    'verdict.REVOKED': 'Bekor qilingan: bu hujjat endi haqiqiy emas',
    'verdict.SUPERSEDED': 'Yangiroq hujjat bilan almashtirilgan',
    'verdict.EXPIRED': 'Muddati oʻtgan: bu hujjatning amal qilish muddati tugagan',
    'verdict.NOT_YET_VALID': 'Hali kuchga kirmagan: bu hujjat keyinroq kuchga kiradi',
    'verdict.ISSUER_NOT_AUTHORIZED': 'Hujjatni bergan idora uni berishga vakolatli emas edi',
    'verdict.UNKNOWN': 'Topilmadi: bu hujjat hech qaysi idora tomonidan roʻyxatga olinmagan',
    'verdict.other': 'Portal ushbu sahifaga notanish javob berdi ({code})',

    'explain.VALID':
      'Hujjat davlat idorasi tomonidan reyestrga kiritilgan va tekshirilgan vaqtda amal qiladi.',
    'explain.REVOKED': 'Hujjatni bergan idora uni bekor qilgan. Unga tayanmang.',
    'explain.SUPERSEDED':
      'Idora bu hujjat oʻrniga yangisini bergan. Uning oʻrniga amaldagi hujjatni tekshiring.',
    'explain.EXPIRED': 'Hujjat asl, ammo uning amal qilish muddati tugagan.',
    'explain.NOT_YET_VALID':
      'Hujjat asl, ammo tekshirilgan vaqtda uning amal qilish muddati hali boshlanmagan edi.',
    'explain.ISSUER_NOT_AUTHORIZED':
      'Hujjat reyestrga kiritilgan, lekin uni kiritgan idora bunday turdagi hujjatlarni berish vakolatiga ega emas edi. Unga tayanmang.',
    'explain.UNKNOWN':
      'Fayl oʻzgartirilgan boʻlishi mumkin — hatto bitta bayt oʻzgarsa ham raqamli barmoq izi butunlay boshqacha boʻladi — yoki hujjat ushbu reyestr orqali berilmagan. Sizga berilgan asl faylni tekshirayotganingizga ishonch hosil qiling.',
    'explain.UNKNOWN_RECORD':
      'Bunday raqamli yozuv yoʻq. Havola yoki QR kod xato kiritilgan yoki shikastlangan boʻlishi mumkin.',
    'explain.issuerFilter': 'Faqat quyidagi idoraning yozuvlari koʻrib chiqildi: {agency}.',

    'badge.VALID': 'Haqiqiy',
    'badge.REVOKED': 'Bekor qilingan',
    'badge.SUPERSEDED': 'Almashtirilgan',
    'badge.EXPIRED': 'Muddati oʻtgan',
    'badge.NOT_YET_VALID': 'Hali kuchga kirmagan',
    'badge.ISSUER_NOT_AUTHORIZED': 'Idora vakolatsiz',
    'badge.UNKNOWN': 'Topilmadi',

    'field.issuer': 'Hujjatni bergan idora',
    'field.documentType': 'Hujjat turi',
    'field.recordId': 'Yozuv raqami',
    'field.validFrom': 'Kuchga kirgan sana',
    'field.validUntil': 'Amal qilish muddati',
    'field.noEnd': 'Muddatsiz',
    'field.revokedAt': 'Bekor qilingan sana',
    'field.revocationReason': 'Bekor qilish sababi',
    'field.current': 'Amaldagi hujjat',
    'field.currentLink': 'Amaldagi hujjatni koʻrish',
    'field.transaction': 'Reyestrdagi tranzaksiya',
    'field.recordedAt': 'Reyestrga yozilgan vaqt',
    'field.none': '—',

    'docType.BIRTH_CERTIFICATE': 'Tugʻilganlik haqida guvohnoma',
    'docType.MARRIAGE_CERTIFICATE': 'Nikoh tuzilganligi haqida guvohnoma',
    'docType.DIVORCE_CERTIFICATE': 'Nikohdan ajralganlik haqida guvohnoma',
    'docType.DEATH_CERTIFICATE': 'Vafot etganlik haqida guvohnoma',
    'docType.BUSINESS_LICENCE': 'Tadbirkorlik faoliyati litsenziyasi',
    'docType.DRIVING_LICENCE': 'Haydovchilik guvohnomasi',
    'docType.BUILDING_PERMIT': 'Qurilishga ruxsatnoma',
    'docType.SERVICE_DECISION': 'Davlat xizmati boʻyicha qaror',

    'reason.ISSUED_IN_ERROR': 'Xato bilan berilgan',
    'reason.FRAUD': 'Firibgarlik',
    'reason.DUPLICATE': 'Takroriy (dublikat)',
    'reason.DATA_ERROR': 'Maʼlumotlardagi xato',
    'reason.COURT_ORDER': 'Sud qarori',
    'reason.REPLACED': 'Boshqa hujjat bilan almashtirilgan',

    'attested': 'Quyidagi tashkilotlarning kompyuterlari (tarmoq tugunlari) mustaqil ravishda tasdiqladi: {names}',
    'checkedAt': 'Tekshirilgan vaqt: {date}',
    'asOf': 'Natija {date} holatiga koʻra',

    'record.back': 'Boshqa hujjatni tekshirish',
    'record.heading': 'Reyestrdagi yozuv',
    'record.intro':
      'Bu sahifada reyestrda bitta hujjat haqida saqlanayotgan maʼlumot koʻrsatiladi, masalan, QR kodini skanerlagan hujjatingiz haqida.',
    'record.ledgerHash': 'Reyestrdagi hujjatning raqamli barmoq izi (SHA-256):',
    'qr.match': 'Kod reyestrdagi yozuvga mos keladi.',
    'qr.mismatch':
      'Diqqat: qogʻozga bosilgan kod reyestrdagi yozuvga mos kelmaydi — qogʻozdagi hujjat soxta boʻlishi mumkin.',
    'qr.invalid':
      'Diqqat: havoladagi raqamli barmoq izi toʻliq emas yoki shikastlangan, shuning uchun qogʻozni reyestrdagi yozuv bilan solishtirib boʻlmaydi.',
    'compare.heading': 'Nusxangizni solishtiring',
    'compare.intro':
      'Agar hujjat sizda fayl koʻrinishida boʻlsa, uni tanlang: uning raqamli barmoq izi qurilmangizda hisoblanadi va reyestrdagi yozuv bilan solishtiriladi. Hech narsa yuborilmaydi.',
    'compare.match': 'Faylingiz aynan qayd etilgan hujjatning oʻzi.',
    'compare.mismatch': 'Faylingiz qayd etilgan hujjatdan farq qiladi.',
    'compare.mismatchHint': 'Hatto bitta bayt oʻzgarsa ham raqamli barmoq izi boshqacha boʻladi.',
    'compare.noRecord': 'Faylingizni solishtirish uchun reyestrda yozuv yoʻq.',

    'error.INVALID_HASH': 'Hujjatning raqamli barmoq izi qabul qilinmadi.',
    'error.INVALID_ID': 'Havoladagi yozuv raqami notoʻgʻri. Havolani tekshiring.',
    'error.INVALID_NAMESPACE': 'Havolada koʻrsatilgan reyestr nomi notoʻgʻri. Havolani tekshiring.',
    'error.INVALID_ISSUER': 'Tanlangan idora qabul qilinmadi.',
    'error.INVALID_DATE': 'Sana qabul qilinmadi. Boshqa sana va vaqtni tanlang.',
    'error.INVALID_REQUEST': 'Portal soʻrovni tushunmadi. Sahifani qayta yuklab, yana urinib koʻring.',
    'error.UNKNOWN_NAMESPACE': 'Havolada koʻrsatilgan reyestr mavjud emas. Havolani tekshiring.',
    'error.UNKNOWN_ISSUER': 'Tanlangan idora reyestrga maʼlum emas.',
    'error.PAYLOAD_TOO_LARGE': 'Soʻrov portal uchun juda katta.',
    'error.UNSUPPORTED_MEDIA_TYPE':
      'Portal soʻrov formatini qabul qilmadi. Sahifani qayta yuklab, yana urinib koʻring.',
    'error.RATE_LIMITED': 'Qisqa vaqt ichida juda koʻp tekshiruv. Biroz kutib, yana urinib koʻring.',
    'error.retryAfter': '{seconds} soniyadan keyin yana urinib koʻrishingiz mumkin.',
    'error.PEERS_UNAVAILABLE': 'Reyestr kompyuterlari hozircha javob bermayapti. Keyinroq urinib koʻring.',
    'error.ATTESTATION_FAILED':
      'Reyestr kompyuterlari bir xil javob bermadi, shuning uchun xulosa chiqarib boʻlmaydi. Keyinroq urinib koʻring.',
    'error.NOT_FOUND': 'Portal soʻralgan maʼlumotni topa olmadi.',
    'error.INTERNAL_ERROR': 'Portalda nosozlik yuz berdi. Keyinroq urinib koʻring.',
    'error.METHOD_NOT_ALLOWED': 'Portal bunday soʻrovni qabul qilmadi. Sahifani qayta yuklab, yana urinib koʻring.',
    'error.NETWORK': 'Portalga ulanib boʻlmadi. Internet aloqasini tekshirib, yana urinib koʻring.',
    'error.HASH_FAILED': 'Faylni qurilmangizda oʻqib boʻlmadi. Uni qaytadan tanlab koʻring.',
    'error.BAD_RESPONSE': 'Portal ushbu sahifa oʻqiy olmaydigan javob yubordi. Keyinroq urinib koʻring.',
    'error.INVALID_LINK': 'Bu manzil yozuvga toʻgʻri havola emas. Havolani yoki QR kodni tekshiring.',
    'error.generic': 'Tekshiruvni yakunlab boʻlmadi.',
    'error.code': 'Xato kodi: {code}',
  },

  ru: {
    'app.title': 'Проверка документа',
    'title.record': 'Запись о документе',
    'skip': 'Перейти к основному содержанию',
    'lang.group': 'Язык',
    'footer.text':
      'Реестр служебных документов государственных органов Узбекистана. На портал отправляется только цифровой отпечаток документа, но не сам документ.',

    'index.intro':
      'Убедитесь, что свидетельство или решение, выданное государственным органом Узбекистана, подлинное и всё ещё действует. Файл остаётся на вашем устройстве: для проверки отправляется только его цифровой отпечаток (SHA-256).',
    'index.checkHeading': 'Проверка файла',
    'issuer.label': 'Выдавший орган (необязательно)',
    'issuer.any': 'Любой орган',
    'drop.title': 'Перетащите документ сюда или выберите файл',
    'drop.hint': 'Файл никуда не загружается: он проверяется на вашем устройстве.',
    'hash.progress': 'Вычисляется цифровой отпечаток…',
    'hash.label': 'Цифровой отпечаток (SHA-256) файла «{name}»:',
    'verify.again': 'Проверить снова',
    'checking': 'Проверяем…',

    'at.heading': 'Действительность на дату',
    'at.hint':
      'Действовал ли документ в определённый момент? Выберите дату и время (по вашему местному времени).',
    'at.label': 'Дата и время',
    'at.check': 'Проверить на эту дату',
    'at.clear': 'Вернуться к текущему моменту',
    'at.required': 'Сначала выберите дату и время.',

    'verdict.VALID': 'Действителен: документ подлинный и действует',
    'verdict.REVOKED': 'Аннулирован: документ больше не действителен',
    'verdict.SUPERSEDED': 'Заменён более новым документом',
    'verdict.EXPIRED': 'Срок действия документа истёк',
    'verdict.NOT_YET_VALID': 'Ещё не действует: документ вступает в силу позже',
    'verdict.ISSUER_NOT_AUTHORIZED': 'Выдавший орган не был уполномочен выдавать этот документ',
    'verdict.UNKNOWN': 'Не найден: ни один орган не регистрировал этот документ',
    'verdict.other': 'Портал дал ответ, который эта страница не распознаёт ({code})',

    'explain.VALID':
      'Государственный орган внёс этот документ в реестр, и на момент проверки запись действует.',
    'explain.REVOKED': 'Выдавший орган аннулировал этот документ. Не полагайтесь на него.',
    'explain.SUPERSEDED':
      'Орган выдал новый документ взамен этого. Проверьте вместо него действующий документ.',
    'explain.EXPIRED': 'Документ подлинный, но срок его действия закончился.',
    'explain.NOT_YET_VALID':
      'Документ подлинный, но на момент проверки срок его действия ещё не начался.',
    'explain.ISSUER_NOT_AUTHORIZED':
      'Документ внесён в реестр, но внёсший его орган не имел полномочий выдавать документы такого вида. Не полагайтесь на него.',
    'explain.UNKNOWN':
      'Возможно, файл был изменён — даже один изменённый байт даёт совершенно другой цифровой отпечаток — или документ выдан не через этот реестр. Убедитесь, что вы проверяете именно тот исходный файл, который получили.',
    'explain.UNKNOWN_RECORD':
      'Записи с таким номером нет. Возможно, ссылка или QR-код введены с ошибкой или повреждены.',
    'explain.issuerFilter': 'Учитывались только записи органа «{agency}».',

    'badge.VALID': 'Действителен',
    'badge.REVOKED': 'Аннулирован',
    'badge.SUPERSEDED': 'Заменён',
    'badge.EXPIRED': 'Срок истёк',
    'badge.NOT_YET_VALID': 'Ещё не действует',
    'badge.ISSUER_NOT_AUTHORIZED': 'Орган без полномочий',
    'badge.UNKNOWN': 'Не найден',

    'field.issuer': 'Выдавший орган',
    'field.documentType': 'Вид документа',
    'field.recordId': 'Номер записи',
    'field.validFrom': 'Действует с',
    'field.validUntil': 'Действует до',
    'field.noEnd': 'Бессрочно',
    'field.revokedAt': 'Дата аннулирования',
    'field.revocationReason': 'Причина аннулирования',
    'field.current': 'Действующий документ',
    'field.currentLink': 'Открыть действующий документ',
    'field.transaction': 'Транзакция в реестре',
    'field.recordedAt': 'Внесено в реестр',
    'field.none': '—',

    'docType.BIRTH_CERTIFICATE': 'Свидетельство о рождении',
    'docType.MARRIAGE_CERTIFICATE': 'Свидетельство о заключении брака',
    'docType.DIVORCE_CERTIFICATE': 'Свидетельство о расторжении брака',
    'docType.DEATH_CERTIFICATE': 'Свидетельство о смерти',
    'docType.BUSINESS_LICENCE': 'Лицензия на предпринимательскую деятельность',
    'docType.DRIVING_LICENCE': 'Водительское удостоверение',
    'docType.BUILDING_PERMIT': 'Разрешение на строительство',
    'docType.SERVICE_DECISION': 'Решение по государственной услуге',

    'reason.ISSUED_IN_ERROR': 'Выдан по ошибке',
    'reason.FRAUD': 'Мошенничество',
    'reason.DUPLICATE': 'Дубликат',
    'reason.DATA_ERROR': 'Ошибка в данных',
    'reason.COURT_ORDER': 'Решение суда',
    'reason.REPLACED': 'Заменён другим документом',

    'attested': 'Независимо подтверждено компьютерами (узлами сети) организаций: {names}',
    'checkedAt': 'Проверено: {date}',
    'asOf': 'Результат по состоянию на {date}',

    'record.back': 'Проверить другой документ',
    'record.heading': 'Запись в реестре',
    'record.intro':
      'На этой странице показано, что реестр хранит об одном документе, например о том, чей QR-код вы отсканировали.',
    'record.ledgerHash': 'Цифровой отпечаток документа в реестре (SHA-256):',
    'qr.match': 'Код совпадает с записью в реестре.',
    'qr.mismatch':
      'Внимание: код, напечатанный на бумаге, не совпадает с записью в реестре — бумажный документ может быть поддельным.',
    'qr.invalid':
      'Внимание: цифровой отпечаток в ссылке неполон или повреждён, поэтому бумагу нельзя сверить с записью в реестре.',
    'compare.heading': 'Сравните свою копию',
    'compare.intro':
      'Если документ есть у вас в виде файла, выберите его: его цифровой отпечаток вычисляется на вашем устройстве и сравнивается с записью в реестре. Ничего не отправляется.',
    'compare.match': 'Ваш файл в точности совпадает с зарегистрированным документом.',
    'compare.mismatch': 'Ваш файл отличается от зарегистрированного документа.',
    'compare.mismatchHint': 'Даже один изменённый байт даёт другой цифровой отпечаток.',
    'compare.noRecord': 'В реестре нет записи, с которой можно сравнить ваш файл.',

    'error.INVALID_HASH': 'Цифровой отпечаток документа не принят.',
    'error.INVALID_ID': 'Номер записи в ссылке указан неверно. Проверьте ссылку.',
    'error.INVALID_NAMESPACE': 'Реестр в ссылке указан неверно. Проверьте ссылку.',
    'error.INVALID_ISSUER': 'Выбранный орган не принят.',
    'error.INVALID_DATE': 'Дата не принята. Выберите другую дату и время.',
    'error.INVALID_REQUEST': 'Портал не понял запрос. Перезагрузите страницу и попробуйте снова.',
    'error.UNKNOWN_NAMESPACE': 'Реестр, указанный в ссылке, не существует. Проверьте ссылку.',
    'error.UNKNOWN_ISSUER': 'Выбранный орган неизвестен реестру.',
    'error.PAYLOAD_TOO_LARGE': 'Запрос слишком велик для портала.',
    'error.UNSUPPORTED_MEDIA_TYPE':
      'Портал не принял формат запроса. Перезагрузите страницу и попробуйте снова.',
    'error.RATE_LIMITED': 'Слишком много проверок за короткое время. Подождите немного и попробуйте снова.',
    'error.retryAfter': 'Повторить можно через {seconds} с.',
    'error.PEERS_UNAVAILABLE': 'Компьютеры реестра сейчас недоступны. Попробуйте позже.',
    'error.ATTESTATION_FAILED':
      'Компьютеры реестра дали несовпадающие ответы, поэтому вынести заключение нельзя. Попробуйте позже.',
    'error.NOT_FOUND': 'Портал не нашёл запрошенное.',
    'error.INTERNAL_ERROR': 'На портале произошла ошибка. Попробуйте позже.',
    'error.METHOD_NOT_ALLOWED': 'Портал не принял запрос такого вида. Перезагрузите страницу и попробуйте снова.',
    'error.NETWORK': 'Портал недоступен. Проверьте подключение к интернету и попробуйте снова.',
    'error.HASH_FAILED': 'Не удалось прочитать файл на вашем устройстве. Попробуйте выбрать его снова.',
    'error.BAD_RESPONSE': 'Портал прислал ответ, который эта страница не может прочитать. Попробуйте позже.',
    'error.INVALID_LINK': 'Этот адрес не является правильной ссылкой на запись. Проверьте ссылку или QR-код.',
    'error.generic': 'Проверку не удалось завершить.',
    'error.code': 'Код ошибки: {code}',
  },
};

let current = DEFAULT_LANGUAGE;

/** @returns {'uz'|'ru'|'en'} the language in use */
export function getLanguage() {
  return current;
}

function isLanguage(value) {
  return LANGUAGES.includes(value);
}

function readStoredLanguage() {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage disabled (privacy settings, sandboxed frame)
  }
}

/**
 * The language to start with: ?lang= in the address, else the stored choice,
 * else the first browser language that is uz/ru/en, else Uzbek.
 */
export function detectLanguage(search = location.search, languages = navigator.languages) {
  const fromUrl = new URLSearchParams(search).get('lang')?.toLowerCase();
  if (isLanguage(fromUrl)) return fromUrl;
  const stored = readStoredLanguage();
  if (isLanguage(stored)) return stored;
  for (const tag of languages ?? []) {
    const primary = String(tag).toLowerCase().split('-')[0];
    if (isLanguage(primary)) return primary;
  }
  return DEFAULT_LANGUAGE;
}

/**
 * Switches the language used by t() and the formatters.
 * @param {string} lang
 * @param {{remember?: boolean}} [options] remember: store the choice for later visits
 */
export function setLanguage(lang, { remember = false } = {}) {
  if (!isLanguage(lang)) return;
  current = lang;
  if (remember) {
    try {
      localStorage.setItem(STORAGE_KEY, lang);
    } catch {
      // Not stored; the choice still applies to this page.
    }
  }
}

/** Whether a translation exists for the key (in the current language or English). */
export function hasText(key) {
  return key in STRINGS[current] || key in STRINGS.en;
}

/**
 * The text for a key in the current language (falling back to English), with
 * {placeholders} replaced by params.
 */
export function t(key, params = {}) {
  const template = STRINGS[current][key] ?? STRINGS.en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (match, name) => (name in params ? String(params[name]) : match));
}

/** "TLS_CERTIFICATE" → "Tls certificate": for codes without a translation. */
export function humanize(code) {
  const text = String(code ?? '').replace(/_/g, ' ').trim().toLowerCase();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Translated label of a code under a key prefix ("docType.", "reason."), else the code humanised. */
export function codeLabel(prefix, code) {
  const key = prefix + code;
  return hasText(key) ? t(key) : humanize(code);
}

const DATE_OPTIONS = {
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZoneName: 'short',
};

const UZBEK_MONTHS = [
  'yanvar', 'fevral', 'mart', 'aprel', 'may', 'iyun',
  'iyul', 'avgust', 'sentabr', 'oktabr', 'noyabr', 'dekabr',
];

/**
 * Some browsers (Chromium among them) ship without Uzbek date data and format
 * "uz" dates as "2024 M05 1". Detect that by asking for a month name.
 */
function hasUzbekDates() {
  try {
    const december = new Intl.DateTimeFormat(FORMAT_LOCALE.uz, { month: 'long', timeZone: 'UTC' });
    return december.format(Date.UTC(2020, 11, 15)).toLowerCase().includes('dekabr');
  } catch {
    return false;
  }
}

/** Uzbek date and time built from numeric parts, in the style ICU uses: "6-dekabr, 2026, 15:00 (GMT+5)". */
function uzbekFallbackFormatter() {
  const numeric = new Intl.DateTimeFormat('en-GB', {
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  });
  return (date) => {
    const part = Object.fromEntries(numeric.formatToParts(date).map(({ type, value }) => [type, value]));
    const month = UZBEK_MONTHS[Number(part.month) - 1];
    return `${Number(part.day)}-${month}, ${part.year}, ${part.hour}:${part.minute} (${part.timeZoneName})`;
  };
}

const dateFormatters = new Map();

/** @returns {(date: Date) => string} the date-and-time formatter of the current language */
function dateFormatter() {
  if (!dateFormatters.has(current)) {
    let format;
    if (current === 'uz' && !hasUzbekDates()) {
      format = uzbekFallbackFormatter();
    } else {
      const intl = new Intl.DateTimeFormat(FORMAT_LOCALE[current], DATE_OPTIONS);
      format = (date) => intl.format(date);
    }
    dateFormatters.set(current, format);
  }
  return dateFormatters.get(current);
}

/**
 * An ISO instant as date and time with the time zone name, in the current
 * language and the device's time zone. Unparseable values are shown as given.
 */
export function formatInstant(iso) {
  if (iso === null || iso === undefined || iso === '') return t('field.none');
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? String(iso) : dateFormatter()(date);
}
