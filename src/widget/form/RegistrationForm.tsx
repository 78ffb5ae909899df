import { zodResolver } from '@hookform/resolvers/zod';
import { type FormEvent, Fragment, memo, useCallback, useEffect, useId, useMemo, useRef } from 'react';
import { useForm } from 'react-hook-form';
import type { PrefillValue, PrefillValues } from '../../types/public-api.ts';
import type { Translate } from '../i18n/translate.ts';
import { loadDraft, saveDraft } from '../storage/draft-store.ts';
import { FieldView } from './FieldView.tsx';
import { type FormModel, prefillValue, stableId } from './form-model.ts';
import { buildFormSchema, type FormValues, type PhoneNormaliser } from './form-schema.ts';
import { renderRichText } from './rich-text.tsx';

export interface SubmitFailure {
  /** Messages for single fields, by form field name. */
  fieldErrors: [string, string][];
}

interface RegistrationFormProps {
  model: FormModel;
  t: Translate;
  normalisePhone: PhoneNormaliser;
  /** Called when the visitor first touches the phone field, to load its metadata early. */
  onPhoneFocus: () => void;
  /** Later `prefill` commands: applied to fields the visitor has not typed in. */
  prefill: PrefillValues;
  onSubmit: (values: FormValues) => Promise<SubmitFailure | undefined>;
  busy: boolean;
  /** The button is shown but refuses to send (rate limited): the reason is announced elsewhere. */
  blocked: boolean;
  formError?: string;
  /** Offer "Try again" with the error (dropped connection, 5xx, timeout). */
  canRetry: boolean;
  /** The button's words, idle and while sending (default: start the chat). */
  submitLabel?: string;
  busyLabel?: string;
  /** Told the department the visitor picks (and the one the form starts with), to ask about its agents. */
  onDepartmentChange?: (department: string) => void;
  /** Said right under the department select: nobody there is online, with a way to leave a message. */
  departmentNotice?: DepartmentNotice;
  /** The server's verdicts on fields from a submit made before this form was on screen (an automatic start). */
  serverErrors?: SubmitFailure['fieldErrors'];
}

export interface DepartmentNotice {
  text: string;
  action?: { label: string; run: (values: FormValues) => void };
}

/**
 * The registration form itself: fields, consent, errors and the submit button. Memoised: opening the panel (the
 * form was mounted closed, at idle) re-renders the frame around it, not the form.
 */
export const RegistrationForm = memo(function RegistrationForm({
  model,
  t,
  normalisePhone,
  onPhoneFocus,
  prefill,
  onSubmit,
  busy,
  blocked,
  formError,
  canRetry,
  submitLabel = t('submit'),
  busyLabel = t('submitting'),
  onDepartmentChange,
  departmentNotice,
  serverErrors,
}: RegistrationFormProps) {
  const schema = useMemo(() => buildFormSchema(model, t, normalisePhone), [model, t, normalisePhone]);
  const {
    register,
    handleSubmit,
    setError,
    setValue,
    getValues,
    getFieldState,
    trigger,
    watch,
    formState: { errors, submitCount },
  } = useForm<FormValues>({
    resolver: zodResolver(schema),
    defaultValues: model.consent ? { ...model.defaults, consent: false } : model.defaults,
    // First check on submit, then as the visitor corrects. Not on blur: an error appearing when focus leaves a
    // field moves the button under a pointer that is on its way to click it, and the click is lost.
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const idPrefix = useId();
  const sending = useRef(false);
  const sent = useRef(false);
  const formRef = useRef<HTMLFormElement>(null);
  const errorCount = Object.keys(errors).length;

  // Every keystroke is kept for this tab until the chat starts, so a reload never loses it. Merged into the saved
  // draft: the offline form has fewer fields, and going back to the chat form must find the others still there.
  // Only what the visitor changed (`type` is set for their input events only): a site's `prefill` is no draft,
  // and must not stop a known visitor's automatic start as a half-typed form would.
  useEffect(() => {
    const subscription = watch((values, { name, type }) => {
      if (name === 'department') onDepartmentChange?.(String(values.department ?? ''));
      if (!type) return;
      saveDraft({
        ...loadDraft(),
        ...Object.fromEntries(
          model.fields.map((field) => [stableId(field), String(values[field.name] ?? '')]),
        ),
      });
    });
    return () => subscription.unsubscribe();
  }, [watch, model, onDepartmentChange]);

  // The department the form starts with (preset, restored from a draft, the guest's) is asked about too.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per form, not on each new callback
  useEffect(() => {
    const initial = getValues('department');
    if (typeof initial === 'string' && initial) onDepartmentChange?.(initial);
  }, [model]);

  // A `prefill` after the form is shown fills only the fields the visitor has not touched.
  useEffect(() => {
    const byName: Record<string, PrefillValue | undefined> = {
      name: prefill.name,
      email: prefill.email,
      phone: prefill.phone,
      department: prefill.department,
    };
    for (const field of model.fields) {
      const value = prefillValue(
        field.custom ? prefill.customFields?.[field.custom.key] : byName[field.name],
      );
      if (value !== undefined && !getFieldState(field.name).isDirty) setValue(field.name, value);
    }
  }, [prefill, model, setValue, getFieldState]);

  // The panel reopened in another language (the page switched it): the messages already shown are checked
  // again, so they are said in it. The server's own verdicts stay until the next submit.
  // biome-ignore lint/correctness/useExhaustiveDependencies: on a new schema only, not on every new error
  useEffect(() => {
    const shown = Object.entries(errors).filter(([, error]) => error && error.type !== 'server');
    if (shown.length) void trigger(shown.map(([name]) => name));
  }, [schema, trigger]);

  const showServerErrors = useCallback(
    (fieldErrors: SubmitFailure['fieldErrors']) =>
      fieldErrors.forEach(([name, message], index) => {
        setError(name, { type: 'server', message }, { shouldFocus: index === 0 });
      }),
    [setError],
  );
  // Said at their fields as soon as the form is back on screen, as if the visitor had submitted it.
  useEffect(() => {
    if (serverErrors) showServerErrors(serverErrors);
  }, [serverErrors, showServerErrors]);

  const checkThenSend = handleSubmit(async (values) => {
    const failure = await onSubmit(values);
    if (!failure) sent.current = true;
    if (failure) showServerErrors(failure.fieldErrors);
  });
  // One request however often Enter or the button is pressed while the values are checked (the phone check is
  // async) or sent — and none once this form has done its work, before the next screen replaces it.
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (sending.current || sent.current || blocked) return;
    sending.current = true;
    void checkThenSend(event).finally(() => {
      sending.current = false;
    });
  };

  return (
    <form className="rcp-form" noValidate onSubmit={submit} aria-busy={busy} ref={formRef}>
      <p className="rcp-hint">{t('requiredHint')}</p>
      {submitCount > 0 && errorCount > 0 && (
        <p className="rcp-alert" role="alert">
          {t('errorSummary', { count: errorCount })}
        </p>
      )}
      {model.fields.map((field) => (
        <Fragment key={field.name}>
          <FieldView
            field={field}
            id={`${idPrefix}${field.name}`}
            registration={register(field.name)}
            error={errors[field.name]?.message}
            onFocus={field.name === 'phone' ? onPhoneFocus : undefined}
          />
          {field.name === 'department' && departmentNotice && (
            // An alert: announced as it appears, where the choice was made, and it asks for a decision.
            <div className="rcp-note rcp-notice" role="alert">
              <p className="rcp-alert-text">{departmentNotice.text}</p>
              {departmentNotice.action && (
                <button
                  type="button"
                  className="rcp-button rcp-button-secondary"
                  onClick={() => departmentNotice.action?.run(getValues())}
                >
                  {departmentNotice.action.label}
                </button>
              )}
            </div>
          )}
        </Fragment>
      ))}
      {model.consent && (
        <div className="rcp-field rcp-consent">
          <input
            type="checkbox"
            id={`${idPrefix}consent`}
            className="rcp-checkbox"
            aria-required={model.consent.required || undefined}
            aria-invalid={errors.consent ? true : undefined}
            aria-describedby={errors.consent ? `${idPrefix}consent-error` : undefined}
            {...register('consent')}
          />
          <label htmlFor={`${idPrefix}consent`} className="rcp-consent-text">
            {renderRichText(model.consent.text)}
            {model.consent.required && (
              <span className="rcp-required" aria-hidden="true">
                {' *'}
              </span>
            )}
          </label>
          {errors.consent && (
            <p className="rcp-error" id={`${idPrefix}consent-error`}>
              {errors.consent.message}
            </p>
          )}
        </div>
      )}
      {formError && (
        <div className="rcp-alert" role="alert">
          <p className="rcp-alert-text">{formError}</p>
          {canRetry && !busy && (
            <button
              type="button"
              className="rcp-button rcp-button-secondary"
              onClick={() => formRef.current?.requestSubmit()}
            >
              {t('tryAgain')}
            </button>
          )}
        </div>
      )}
      <button className="rcp-button" type="submit" aria-disabled={busy || blocked || undefined}>
        {busy ? busyLabel : submitLabel}
      </button>
    </form>
  );
});
