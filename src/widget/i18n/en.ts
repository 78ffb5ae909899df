/**
 * Every string the visitor can see, in English. Other catalogs must have exactly these keys.
 * `{name}` placeholders are filled by `translate`.
 */
export const en = {
  title: 'Need help?',
  intro: 'Tell us a little about you and we will connect you with an agent.',
  closeChat: 'Close chat',
  requiredMarker: '(required)',
  nameLabel: 'Name',
  emailLabel: 'Email',
  phoneLabel: 'Phone',
  departmentLabel: 'Department',
  departmentPlaceholder: 'Choose a department',
  selectPlaceholder: 'Choose…',
  submit: 'Start chat',
  submitting: 'Starting chat…',
  errorRequired: 'Please fill in {label}.',
  errorChoose: 'Please choose {label}.',
  errorEmail: 'Please enter a valid email address, like name@example.com.',
  errorPhone: 'Please enter a valid phone number with its country code, like +1 201 555 0123.',
  errorPattern: '{label} is not in the expected format.',
  errorSummary: 'Please correct {count} field(s) marked below.',
  errorDepartment: 'This department is not available. Please choose another one.',
  errorMissingFields: 'The chat server also needs: {fields}.',
  errorRateLimited: 'Too many attempts — try again in {seconds} s.',
  errorNetwork: 'We could not reach the chat service. Check your connection and try again.',
  errorUnavailable: 'Chat is unavailable right now. Please try again later.',
  errorServer: 'The chat service could not start your chat: {message}',
  errorInvalidResponse: 'The chat service sent an answer we could not understand. Please try again later.',
  offlineWaiting: 'You are offline. Your details will be sent as soon as you are back online.',
  tryAgain: 'Try again',
  configUnavailable: 'We could not load the departments. You can still start a chat.',
  agentsUnavailable: 'No agents are available right now. Please come back later.',
  checkAgain: 'Check again',
  noAgentOnline:
    'All our agents are offline right now, so the chat could not start. Your details are saved — please try again later.',
  connectedTitle: 'You are connected',
  connectedText: 'An agent will be with you shortly.',
  registeredTitle: 'Thank you',
  registeredText: 'Your details were sent.',
  storageUnavailable: 'This device will not remember you after you leave the page.',
  loading: 'Loading…',
} as const;

export type MessageKey = keyof typeof en;
export type Catalog = Record<MessageKey, string>;

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function createTranslator(catalog: Catalog): Translate {
  return (key, params) =>
    catalog[key].replace(/\{(\w+)\}/g, (match, name: string) =>
      params && name in params ? String(params[name]) : match,
    );
}
