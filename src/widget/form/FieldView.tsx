import type { UseFormRegisterReturn } from 'react-hook-form';
import type { FormField } from './form-model.ts';

interface FieldViewProps {
  field: FormField;
  id: string;
  registration: UseFormRegisterReturn;
  error?: string;
  onFocus?: () => void;
}

/**
 * One labelled field. The accessible name is the label (the required star is hidden from assistive tech,
 * which hears `aria-required` instead); the error is tied with aria-invalid + aria-describedby.
 */
export function FieldView({ field, id, registration, error, onFocus }: FieldViewProps) {
  const errorId = `${id}-error`;
  const common = {
    id,
    className: 'rcp-input',
    'aria-required': field.required || undefined,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? errorId : undefined,
    'aria-readonly': field.readOnly || undefined,
    onFocus,
    ...registration,
  };
  return (
    <div className="rcp-field">
      <label className="rcp-label" htmlFor={id}>
        {field.label}
        {field.required && (
          <span className="rcp-required" aria-hidden="true">
            {' *'}
          </span>
        )}
      </label>
      {field.kind === 'select' ? (
        <select {...common}>
          {!field.readOnly && <option value="">{field.placeholder}</option>}
          {field.options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      ) : field.multiline ? (
        <textarea {...common} rows={3} maxLength={field.maxLength} readOnly={field.readOnly} />
      ) : (
        <input
          {...common}
          type={field.inputType}
          maxLength={field.maxLength}
          readOnly={field.readOnly}
          autoComplete={field.autoComplete ?? 'off'}
          inputMode={field.inputType === 'tel' ? 'tel' : field.inputType === 'email' ? 'email' : undefined}
        />
      )}
      {error && (
        <p className="rcp-error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}
