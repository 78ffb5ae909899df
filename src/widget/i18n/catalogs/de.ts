import type { Catalog } from '../translate.ts';

/**
 * German, addressing the visitor as "Sie". The phone example is in the Bundesnetzagentur's range reserved for
 * media productions (Berlin 030 23125 000–999).
 */
export const de: Catalog = {
  openChat: 'Chat öffnen',
  title: 'Brauchen Sie Hilfe?',
  intro: 'Erzählen Sie uns kurz etwas über sich, dann verbinden wir Sie mit unserem Support-Team.',
  closeChat: 'Chat schließen',
  requiredHint: 'Mit * markierte Felder sind Pflichtfelder.',
  nameLabel: 'Name',
  emailLabel: 'E-Mail',
  phoneLabel: 'Telefon',
  messageLabel: 'Wie können wir helfen?',
  departmentLabel: 'Abteilung',
  departmentPlaceholder: 'Abteilung auswählen',
  selectPlaceholder: 'Bitte auswählen…',
  submit: 'Chat starten',
  submitting: 'Chat wird gestartet…',
  errorRequired: 'Bitte füllen Sie das Feld „{label}“ aus.',
  errorChoose: 'Bitte wählen Sie eine Option für „{label}“.',
  errorTooLong: '{label} darf höchstens {max} Zeichen lang sein.',
  errorEmail: 'Bitte geben Sie eine gültige E-Mail-Adresse ein, z. B. name@example.com.',
  errorPhone: 'Bitte geben Sie eine gültige Telefonnummer mit Ländervorwahl ein, z. B. +49 30 23125 123.',
  errorPattern: '„{label}“ hat nicht das erwartete Format.',
  errorSummary: 'Bitte korrigieren Sie die markierten Felder ({count}).',
  consentDefault:
    'Ich bin einverstanden, dass meine Angaben gespeichert und zur Bearbeitung meiner Anfrage verarbeitet werden.',
  errorConsent: 'Bitte stimmen Sie zu, um den Chat zu starten.',
  errorDepartment: 'Diese Abteilung ist nicht verfügbar. Bitte wählen Sie eine andere.',
  errorMissingFields: 'Der Chat-Server benötigt außerdem: {fields}.',
  errorRateLimited: 'Zu viele Versuche – bitte versuchen Sie es in {seconds} s erneut.',
  errorNetwork:
    'Der Chat-Dienst ist nicht erreichbar. Bitte prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
  errorUnavailable: 'Der Chat ist derzeit nicht verfügbar. Bitte versuchen Sie es später erneut.',
  errorServer: 'Der Chat-Dienst konnte Ihren Chat nicht starten: {message}',
  errorInvalidResponse:
    'Die Antwort des Chat-Dienstes konnte nicht verarbeitet werden. Bitte versuchen Sie es später erneut.',
  offlineWaiting: 'Sie sind offline. Ihre Angaben werden gesendet, sobald Sie wieder online sind.',
  tryAgain: 'Erneut versuchen',
  configUnavailable: 'Die Abteilungen konnten nicht geladen werden. Sie können trotzdem einen Chat starten.',
  agentsUnavailable:
    'Derzeit ist niemand aus unserem Team erreichbar. Bitte schauen Sie später wieder vorbei.',
  agentsUnavailableIn:
    'Im Bereich {department} ist gerade niemand erreichbar. Bitte versuchen Sie es später erneut.',
  checkAgain: 'Erneut prüfen',
  offlineTitle: 'Nachricht hinterlassen',
  nobodyOnline: 'Gerade ist niemand für einen Chat erreichbar.',
  departmentOffline: 'Aus {department} ist gerade niemand erreichbar.',
  offlineAfterNoAgent:
    'Der Chat konnte nicht starten: Gerade ist niemand erreichbar. Ihre Eingaben stehen unten.',
  offlineIntro: 'Hinterlassen Sie eine Nachricht, wir antworten Ihnen per E-Mail.',
  offlineSubmit: 'Nachricht senden',
  offlineSubmitting: 'Wird gesendet…',
  offlineSentTitle: 'Nachricht gesendet',
  offlineSentText: 'Vielen Dank. Wir antworten Ihnen per E-Mail.',
  errorOfflineFailed: 'Ihre Nachricht konnte nicht gesendet werden. Bitte versuchen Sie es später erneut.',
  errorConsentOffline: 'Bitte stimmen Sie zu, um Ihre Nachricht zu senden.',
  leaveMessage: 'Nachricht hinterlassen',
  backToChat: 'Zurück zum Chat-Formular',
  noAgentOnline:
    'Unser Team ist gerade nicht online, daher konnte der Chat nicht gestartet werden. Ihre Angaben sind gespeichert – bitte versuchen Sie es später erneut.',
  welcomeBack: 'Willkommen zurück, {name}.',
  connecting: 'Sie werden mit unserem Team verbunden…',
  connectedTitle: 'Sie sind verbunden',
  connectedText: 'Gleich ist jemand aus unserem Team für Sie da.',
  registeredTitle: 'Vielen Dank',
  registeredText: 'Ihre Angaben wurden gesendet.',
  storageUnavailable: 'Nach dem Verlassen der Seite erkennt dieses Gerät Sie nicht wieder.',
  loading: 'Wird geladen…',
};
