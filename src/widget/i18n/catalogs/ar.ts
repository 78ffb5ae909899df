import type { Catalog } from '../translate.ts';

/**
 * Arabic (Modern Standard), mostly in the impersonal "يُرجى" form. `\u2066…\u2069` isolates a left-to-right
 * run such as `+966`, which would otherwise show as `966+` in right-to-left text.
 */
export const ar: Catalog = {
  openChat: 'فتح المحادثة',
  title: 'كيف يمكننا مساعدتك؟',
  intro: 'يُرجى مشاركة بعض المعلومات عنك، وسنوصلك بأحد موظفي الدعم.',
  closeChat: 'إغلاق المحادثة',
  requiredHint: 'الحقول المميَّزة بعلامة * مطلوبة.',
  nameLabel: 'الاسم',
  emailLabel: 'البريد الإلكتروني',
  phoneLabel: 'الهاتف',
  departmentLabel: 'القسم',
  departmentPlaceholder: 'اختر قسمًا',
  selectPlaceholder: 'اختر…',
  submit: 'بدء المحادثة',
  submitting: 'جارٍ بدء المحادثة…',
  errorRequired: 'يُرجى تعبئة حقل «{label}».',
  errorChoose: 'يُرجى الاختيار من «{label}».',
  errorEmail: 'يُرجى إدخال عنوان بريد إلكتروني صالح، مثل name@example.com.',
  // Arabic speakers dial many country codes and none reserves numbers for examples: codes only.
  errorPhone: 'يُرجى إدخال رقم هاتف صالح مع رمز الدولة، مثل \u2066+966\u2069 أو \u2066+20\u2069.',
  errorPattern: 'قيمة «{label}» ليست بالصيغة المتوقعة.',
  errorSummary: 'يُرجى تصحيح الحقول المميَّزة ({count}).',
  consentDefault: 'أوافق على تخزين بياناتي ومعالجتها للرد على طلبي.',
  errorConsent: 'يُرجى الموافقة لبدء المحادثة.',
  errorDepartment: 'هذا القسم غير متاح. يُرجى اختيار قسم آخر.',
  errorMissingFields: 'يحتاج خادم المحادثة أيضًا إلى: {fields}.',
  errorRateLimited: 'محاولات كثيرة جدًا — يُرجى المحاولة مرة أخرى بعد {seconds} ثانية.',
  errorNetwork: 'تعذّر الوصول إلى خدمة المحادثة. يُرجى التحقق من اتصالك والمحاولة مرة أخرى.',
  errorUnavailable: 'المحادثة غير متاحة حاليًا. يُرجى المحاولة لاحقًا.',
  errorServer: 'تعذّر على خدمة المحادثة بدء محادثتك: {message}',
  errorInvalidResponse: 'أرسلت خدمة المحادثة ردًا لم نتمكن من فهمه. يُرجى المحاولة لاحقًا.',
  offlineWaiting: 'لا يوجد اتصال بالإنترنت. سيتم إرسال بياناتك فور عودة الاتصال.',
  tryAgain: 'إعادة المحاولة',
  configUnavailable: 'تعذّر تحميل الأقسام. لا يزال بإمكانك بدء محادثة.',
  agentsUnavailable: 'لا يتوفر أي موظف دعم حاليًا. يُرجى العودة لاحقًا.',
  agentsUnavailableIn: 'لا يتوفر أحد من {department} حاليًا. يُرجى العودة لاحقًا.',
  checkAgain: 'التحقق مرة أخرى',
  noAgentOnline:
    'جميع موظفي الدعم غير متصلين حاليًا، لذا تعذّر بدء المحادثة. تم حفظ بياناتك — يُرجى المحاولة لاحقًا.',
  welcomeBack: 'مرحبًا بعودتك، {name}.',
  connecting: 'جارٍ توصيلك بأحد موظفي الدعم…',
  connectedTitle: 'تم الاتصال',
  connectedText: 'سينضم إليك أحد موظفي الدعم قريبًا.',
  registeredTitle: 'شكرًا لك',
  registeredText: 'تم إرسال بياناتك.',
  storageUnavailable: 'لن يتذكرك هذا الجهاز بعد مغادرة الصفحة.',
  loading: 'جارٍ التحميل…',
};
