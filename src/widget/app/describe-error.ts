import { ApiError } from '../api/api-error.ts';
import type { FormModel } from '../form/form-model.ts';
import type { Translate } from '../i18n/translate.ts';

export interface DescribedError {
  /** Stable code for the `error` event: Rocket.Chat's errorType/code, or our kind of failure. */
  code: string;
  /** Shown above the button, in plain words (empty when every problem sits at a field). */
  message: string;
  fieldErrors: [string, string][];
  retryAfterSeconds: number;
  /** Worth a "Try again": the failure was the network's or the server's, not the visitor's. */
  retryable: boolean;
  /** No answer at all from a server whose config did load: most likely a refused CORS preflight. */
  likelyCorsRefusal: boolean;
}

/**
 * Turns a failure of registration or room creation (or, with `route: 'offline'`, of an offline message) into what
 * the visitor reads (CONTRACT.md §1.7, §3.4, §14). `serverReachable`: the config came from this server, so a
 * request that gets no answer at all is most likely refused by CORS (or the server just went down) — either way
 * chat is unavailable, not the visitor's connection.
 */
export function describeError(
  error: unknown,
  model: FormModel,
  t: Translate,
  serverReachable: boolean,
  route: 'registration' | 'offline' = 'registration',
): DescribedError {
  const described: DescribedError = {
    code: 'unknown',
    message: '',
    fieldErrors: [],
    retryAfterSeconds: 0,
    retryable: error instanceof ApiError && (error.retryable || error.kind === 'invalid-response'),
    likelyCorsRefusal: false,
  };
  if (!(error instanceof ApiError)) {
    described.message = t('errorUnavailable');
    return described;
  }
  described.code = error.code;
  const shown = (name: string) => model.fields.some((field) => field.name === name);
  switch (error.kind) {
    case 'rate-limited':
      described.retryAfterSeconds = error.retryAfterSeconds;
      described.message = t('errorRateLimited', { seconds: error.retryAfterSeconds });
      return described;
    case 'network':
    case 'timeout':
      described.likelyCorsRefusal = serverReachable;
      described.message = t(serverReachable ? 'errorUnavailable' : 'errorNetwork');
      return described;
    case 'unavailable':
      described.message = t('errorUnavailable');
      return described;
    case 'invalid-response':
      described.message = t('errorInvalidResponse');
      return described;
  }
  // 'rejected': Rocket.Chat's own 4xx answers.
  if (route === 'offline') return describeOfflineRejection(error, model, t, described);
  const missing = /^Missing required custom fields: (.+)$/.exec(error.serverError)?.[1];
  if (error.code === 'no-agent-online') described.message = t('noAgentOnline');
  else if (error.code === 'error-invalid-department') {
    if (shown('department')) described.fieldErrors.push(['department', t('errorDepartment')]);
    else described.message = t('errorDepartment');
  } else if (error.code === 'error-invalid-email' && shown('email')) {
    described.fieldErrors.push(['email', t('errorEmail')]);
  } else if (missing) {
    const unshown: string[] = [];
    for (const key of missing.split(', ')) {
      const field = model.fields.find((candidate) => candidate.custom?.key === key);
      if (field) described.fieldErrors.push([field.name, t('errorRequired', { label: field.label })]);
      else unshown.push(key);
    }
    if (unshown.length) described.message = t('errorMissingFields', { fields: unshown.join(', ') });
  } else {
    described.message = t('errorServer', { message: error.serverError });
  }
  return described;
}

/**
 * Rocket.Chat answers every failure of sending an offline message with one generic text (no offline address set,
 * the offline form switched off, the mail failed), so only its body validation can name a field: AJV's
 * `must have required property 'email'` or `/email must be string` (CONTRACT.md §14).
 */
function describeOfflineRejection(
  error: ApiError,
  model: FormModel,
  t: Translate,
  described: DescribedError,
): DescribedError {
  const named = /(?:property '|^\/)(\w+)/.exec(error.serverError)?.[1];
  const field = model.fields.find((candidate) => candidate.name === named && !candidate.custom);
  if (!field) {
    // Rocket.Chat's one failure text carries no errorType: the event gets a stable code instead.
    if (error.code !== 'invalid-params') described.code = 'offline-message-failed';
    described.message = t('errorOfflineFailed');
  } else if (error.serverError.includes('required')) {
    described.fieldErrors.push([field.name, t('errorRequired', { label: field.label })]);
  } else {
    const wrong = field.name === 'email' ? t('errorEmail') : t('errorPattern', { label: field.label });
    described.fieldErrors.push([field.name, wrong]);
  }
  return described;
}
