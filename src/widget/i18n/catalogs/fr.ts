import type { Catalog } from '../translate.ts';

/**
 * French, addressing the visitor as "vous". `\u00a0` is the no-break space French typography puts before
 * `?`, `:` and a unit. The phone example is in ARCEP's range reserved for fiction (01 99 00 xx xx).
 */
export const fr: Catalog = {
  openChat: 'Ouvrir la discussion',
  title: 'Besoin d’aide\u00a0?',
  intro: 'Parlez-nous un peu de vous et nous vous mettrons en relation avec un conseiller.',
  closeChat: 'Fermer la discussion',
  requiredHint: 'Les champs marqués d’un * sont obligatoires.',
  nameLabel: 'Nom',
  emailLabel: 'E-mail',
  phoneLabel: 'Téléphone',
  messageLabel: 'Comment pouvons-nous vous aider ?',
  departmentLabel: 'Service',
  departmentPlaceholder: 'Choisissez un service',
  selectPlaceholder: 'Choisissez…',
  submit: 'Démarrer la discussion',
  submitting: 'Démarrage de la discussion…',
  errorRequired: 'Veuillez renseigner le champ {label}.',
  errorChoose: 'Veuillez choisir une option pour {label}.',
  errorTooLong: '{label} ne peut pas dépasser {max} caractères.',
  errorEmail: 'Veuillez saisir une adresse e-mail valide, par exemple nom@example.com.',
  errorPhone:
    'Veuillez saisir un numéro de téléphone valide avec l’indicatif du pays, par exemple +33\u00a01\u00a099\u00a000\u00a012\u00a034.',
  errorPattern: 'Le champ {label} n’est pas au format attendu.',
  errorSummary: 'Veuillez corriger les champs signalés ({count}).',
  consentDefault: 'J’accepte que mes données soient enregistrées et traitées pour répondre à ma demande.',
  errorConsent: 'Veuillez accepter pour démarrer la discussion.',
  errorDepartment: 'Ce service n’est pas disponible. Veuillez en choisir un autre.',
  errorMissingFields: 'Le serveur de discussion demande aussi\u00a0: {fields}.',
  errorRateLimited: 'Trop de tentatives — réessayez dans {seconds}\u00a0s.',
  errorNetwork: 'Impossible de joindre le service de discussion. Vérifiez votre connexion et réessayez.',
  errorUnavailable: 'La discussion est indisponible pour le moment. Veuillez réessayer plus tard.',
  errorServer: 'Le service n’a pas pu démarrer votre discussion\u00a0: {message}',
  errorInvalidResponse:
    'Nous n’avons pas pu interpréter la réponse du service de discussion. Veuillez réessayer plus tard.',
  offlineWaiting:
    'Vous êtes hors ligne. Vos informations seront envoyées dès que la connexion sera rétablie.',
  tryAgain: 'Réessayer',
  configUnavailable: 'Impossible de charger les services. Vous pouvez tout de même démarrer une discussion.',
  agentsUnavailable: 'Aucun conseiller n’est disponible pour le moment. Veuillez revenir plus tard.',
  agentsUnavailableIn:
    'Personne du service {department} n’est disponible pour le moment. Veuillez revenir plus tard.',
  checkAgain: 'Vérifier à nouveau',
  offlineTitle: 'Laisser un message',
  nobodyOnline: 'Personne n’est disponible pour discuter en ce moment.',
  departmentOffline: 'Personne du service {department} n’est disponible en ce moment.',
  offlineAfterNoAgent:
    'La discussion n’a pas pu démarrer : personne n’est disponible en ce moment. Ce que vous avez saisi est conservé ci-dessous.',
  offlineIntro: 'Laissez un message et nous vous répondrons par e-mail.',
  offlineSubmit: 'Envoyer le message',
  offlineSubmitting: 'Envoi…',
  offlineSentTitle: 'Message envoyé',
  offlineSentText: 'Merci. Nous vous répondrons par e-mail.',
  errorOfflineFailed: 'Nous n’avons pas pu envoyer votre message. Veuillez réessayer plus tard.',
  errorConsentOffline: 'Veuillez accepter pour envoyer votre message.',
  leaveMessage: 'Laisser un message',
  backToChat: 'Retour au formulaire de discussion',
  noAgentOnline:
    'Tous nos conseillers sont hors ligne pour le moment, la discussion n’a donc pas pu démarrer. Vos informations sont enregistrées — veuillez réessayer plus tard.',
  welcomeBack: 'Bon retour parmi nous, {name}.',
  connecting: 'Mise en relation avec un conseiller…',
  connectedTitle: 'Connexion établie',
  connectedText: 'Un conseiller va vous répondre dans un instant.',
  registeredTitle: 'Merci',
  registeredText: 'Vos informations ont été envoyées.',
  storageUnavailable: 'Cet appareil ne se souviendra pas de vous une fois la page quittée.',
  loading: 'Chargement…',
};
