import {
  ButtonHTMLAttributes,
  forwardRef,
  InputHTMLAttributes,
  ReactNode,
  SelectHTMLAttributes,
  TextareaHTMLAttributes,
  useId,
} from 'react';
import { FormattedMessage } from 'react-intl';

// The few primitives the app needs: native elements, labelled, with errors tied to their field.

export function Button({
  variant = 'primary',
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: 'primary' | 'secondary' | 'danger' | 'link' }) {
  return <button type="button" {...props} className={`btn btn-${variant} ${props.className ?? ''}`} />;
}

interface FieldProps {
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
}

function Field({ id, label, hint, error, children }: FieldProps & { id: string; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {children}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

const describedBy = (id: string, hint?: ReactNode, error?: string) =>
  [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

export function TextField({ label, hint, error, ...props }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  const generated = useId();
  const id = props.id ?? generated;
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <input {...props} id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} />
    </Field>
  );
}

export const TextArea = forwardRef<HTMLTextAreaElement, FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>>(function TextArea(
  { label, hint, error, ...props },
  ref,
) {
  const generated = useId();
  const id = props.id ?? generated;
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <textarea {...props} ref={ref} id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} />
    </Field>
  );
});

export function Select({ label, hint, error, children, ...props }: FieldProps & SelectHTMLAttributes<HTMLSelectElement>) {
  const generated = useId();
  const id = props.id ?? generated;
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <select {...props} id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)}>
        {children}
      </select>
    </Field>
  );
}

/**
 * A form's buttons: the submit button (greyed out while `disabled`) and the secondary button that closes
 * the form without saving ("Cancel" unless `cancel` says otherwise).
 */
export function FormActions({
  submit,
  disabled,
  variant = 'primary',
  cancel,
  onCancel,
}: {
  submit: ReactNode;
  disabled?: boolean;
  variant?: 'primary' | 'danger';
  cancel?: ReactNode;
  onCancel(): void;
}) {
  return (
    <div className="form-actions">
      <Button type="submit" variant={variant} disabled={disabled}>
        {submit}
      </Button>
      <Button variant="secondary" onClick={onCancel}>
        {cancel ?? <FormattedMessage id="common.cancel" />}
      </Button>
    </div>
  );
}

export function Alert({ kind, children }: { kind: 'error' | 'success' | 'info'; children: ReactNode }) {
  return (
    <div className={`alert alert-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

/** A set of radio buttons shown as large toggles (one-handed use on a phone). */
export function Choice<T extends string>({
  legend,
  name,
  value,
  options,
  onChange,
}: {
  legend: ReactNode;
  name: string;
  value: T;
  options: { value: T; label: ReactNode }[];
  onChange(value: T): void;
}) {
  return (
    <fieldset className="choice">
      <legend>{legend}</legend>
      <div className="choice-options">
        {options.map((o) => (
          <label key={o.value} className={o.value === value ? 'chosen' : ''}>
            <input type="radio" name={name} value={o.value} checked={o.value === value} onChange={() => onChange(o.value)} />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
