import type { Catalog } from '../translate.ts';

/**
 * Hebrew, gender-neutral: impersonal "יש ל…" / "אפשר ל…" and forms spelt alike for either gender.
 * `\u2066…\u2069` isolates `+972`, which would otherwise show as `972+` in right-to-left text.
 */
export const he: Catalog = {
  openChat: 'פתיחת צ׳אט',
  title: 'איך נוכל לעזור?',
  intro: 'נשמח להכיר אותך בקצרה, ואז נחבר אותך לנציג שירות.',
  closeChat: 'סגירת הצ׳אט',
  requiredHint: 'שדות המסומנים ב־* הם שדות חובה.',
  nameLabel: 'שם',
  emailLabel: 'אימייל',
  phoneLabel: 'טלפון',
  departmentLabel: 'מחלקה',
  departmentPlaceholder: 'בחירת מחלקה',
  selectPlaceholder: 'בחירה…',
  submit: 'התחלת צ׳אט',
  submitting: 'הצ׳אט מתחיל…',
  errorRequired: 'יש למלא את השדה {label}.',
  errorChoose: 'יש לבחור ערך בשדה {label}.',
  errorEmail: 'יש להזין כתובת אימייל תקינה, למשל name@example.com.',
  // No range of Israeli numbers is reserved for examples: the country code alone, no one's number.
  errorPhone: 'יש להזין מספר טלפון תקין עם קידומת המדינה, למשל \u2066+972\u2069 לישראל.',
  errorPattern: 'הערך בשדה {label} אינו בפורמט הנדרש.',
  errorSummary: 'יש לתקן את השדות המסומנים ({count}).',
  consentDefault: 'אני מסכים/ה שהפרטים שלי יישמרו ויעובדו כדי לענות לפנייה שלי.',
  errorConsent: 'יש לאשר כדי להתחיל את הצ׳אט.',
  errorDepartment: 'המחלקה הזו אינה זמינה. יש לבחור מחלקה אחרת.',
  errorMissingFields: 'שרת הצ׳אט דורש גם את הפרטים הבאים: {fields}.',
  errorRateLimited: 'יותר מדי ניסיונות — אפשר לנסות שוב בעוד {seconds} שניות.',
  errorNetwork: 'לא הצלחנו להתחבר לשירות הצ׳אט. יש לבדוק את החיבור לאינטרנט ולנסות שוב.',
  errorUnavailable: 'הצ׳אט אינו זמין כרגע. אפשר לנסות שוב מאוחר יותר.',
  errorServer: 'שירות הצ׳אט לא הצליח להתחיל את השיחה: {message}',
  errorInvalidResponse: 'שירות הצ׳אט שלח תשובה שלא הצלחנו להבין. אפשר לנסות שוב מאוחר יותר.',
  offlineWaiting: 'אין חיבור לאינטרנט. הפרטים שלך יישלחו ברגע שהחיבור יחזור.',
  tryAgain: 'לנסות שוב',
  configUnavailable: 'לא הצלחנו לטעון את המחלקות. עדיין אפשר להתחיל צ׳אט.',
  agentsUnavailable: 'אין נציגים זמינים כרגע. אפשר לחזור מאוחר יותר.',
  agentsUnavailableIn: 'אין כרגע אף אחד זמין מ־{department}. אפשר לחזור מאוחר יותר.',
  checkAgain: 'בדיקה חוזרת',
  noAgentOnline:
    'כל הנציגים שלנו אינם מחוברים כרגע, ולכן לא ניתן היה להתחיל את הצ׳אט. הפרטים שלך נשמרו — אפשר לנסות שוב מאוחר יותר.',
  welcomeBack: 'שמחים לראות אותך שוב, {name}.',
  connecting: 'מחברים אותך לנציג…',
  connectedTitle: 'החיבור הושלם',
  connectedText: 'נציג יצטרף לשיחה בקרוב.',
  registeredTitle: 'תודה',
  registeredText: 'הפרטים שלך נשלחו.',
  storageUnavailable: 'המכשיר הזה לא יזכור אותך לאחר היציאה מהדף.',
  loading: 'בטעינה…',
};
