import { ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import { Button } from '../ui/primitives';

/** Asks before an action that cannot simply be undone: the question, the action now, or cancel. */
export function ConfirmBox({
  label,
  question,
  confirm,
  variant = 'primary',
  onConfirm,
  onCancel,
}: {
  label: string;
  question: ReactNode;
  confirm: ReactNode;
  variant?: 'primary' | 'danger';
  onConfirm(): void;
  onCancel(): void;
}) {
  return (
    <div className="confirm-box" role="group" aria-label={label}>
      <p>{question}</p>
      <div className="item-actions-row">
        <Button variant={variant} onClick={onConfirm}>
          {confirm}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          <FormattedMessage id="common.cancel" />
        </Button>
      </div>
    </div>
  );
}
