import { FormEvent, useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { useMutation } from 'urql';
import { apiError } from '../graphql/errors';
import { MessageId, useT } from '../i18n/i18n';
import { Alert, Button, TextArea, TextField } from '../ui/primitives';
import { SaveIndexAnswerMutation } from './operations';
import type { IndexQuestionRow } from './types';

/** The answer to one question, in the form its type asks for, with its example or reference; saved with the version it was read at. */
export function QuestionEditor({ assessmentId, row, onSaved }: { assessmentId: string; row: IndexQuestionRow; onSaved(): void }) {
  const t = useT();
  const q = row.question;
  const [option, setOption] = useState(row.option ?? '');
  const [options, setOptions] = useState<string[]>(row.options ?? []);
  const [number, setNumber] = useState(row.number === null || row.number === undefined ? '' : String(row.number));
  const [text, setText] = useState(row.text ?? '');
  const [reference, setReference] = useState(row.reference);
  const [saved, setSaved] = useState(false);
  const [result, save] = useMutation(SaveIndexAnswerMutation);
  const error = apiError(result.error);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const input: Record<string, unknown> = { reference };
    if (q.type === 'YES_NO' || q.type === 'SINGLE_CHOICE') {
      if (option) input.option = option;
    } else if (q.type === 'MULTIPLE_CHOICE') input.options = options;
    else if (q.type === 'NUMBER' || q.type === 'PERCENTAGE') {
      if (number.trim() !== '') input.number = Number(number);
    } else if (text.trim()) input.text = text;
    const r = await save({ assessmentId, questionCode: row.questionCode, input, expectedVersion: row.version });
    if (!r.error) {
      setSaved(true);
      onSaved();
    }
  };

  const id = `q-${row.questionCode}`;
  return (
    <form onSubmit={submit} className="index-answer" aria-label={t('iccIndex.answer.form', { code: row.questionCode })}>
      {(q.type === 'YES_NO' || q.type === 'SINGLE_CHOICE') && (
        <fieldset>
          <legend>
            <FormattedMessage id="iccIndex.answer.choose" />
          </legend>
          {q.options.map((o) => (
            <label key={o.code} className="index-option">
              <input type="radio" name={id} value={o.code} checked={option === o.code} onChange={() => setOption(o.code)} /> {o.label}
            </label>
          ))}
        </fieldset>
      )}
      {q.type === 'MULTIPLE_CHOICE' && (
        <fieldset>
          <legend>
            <FormattedMessage id="iccIndex.answer.tick" />
          </legend>
          {q.options.map((o) => (
            <label key={o.code} className="index-option">
              <input
                type="checkbox"
                checked={options.includes(o.code)}
                onChange={(e) => setOptions(e.target.checked ? [...options, o.code] : options.filter((x) => x !== o.code))}
              />{' '}
              {o.label}
            </label>
          ))}
        </fieldset>
      )}
      {(q.type === 'NUMBER' || q.type === 'PERCENTAGE') && (
        <TextField
          label={t(q.type === 'PERCENTAGE' ? 'iccIndex.answer.percentage' : 'iccIndex.answer.number')}
          type="number"
          step="any"
          min={q.type === 'PERCENTAGE' ? 0 : undefined}
          max={q.type === 'PERCENTAGE' ? 100 : undefined}
          value={number}
          onChange={(e) => setNumber(e.target.value)}
        />
      )}
      {q.type === 'TEXT' && <TextArea label={t('iccIndex.answer.text')} rows={3} value={text} onChange={(e) => setText(e.target.value)} />}
      <TextArea
        label={t('iccIndex.answer.reference')}
        hint={t(q.requiresReference ? 'iccIndex.answer.referenceRequired' : 'iccIndex.answer.referenceOptional')}
        rows={2}
        value={reference}
        onChange={(e) => setReference(e.target.value)}
      />
      {error && (
        <Alert kind="error">{error.code === 'CONFLICT' ? <FormattedMessage id="iccIndex.answer.conflict" /> : error.message}</Alert>
      )}
      {saved && !result.fetching && (
        <Alert kind="success">
          <FormattedMessage id="iccIndex.answer.saved" />
        </Alert>
      )}
      <Button type="submit" disabled={result.fetching}>
        <FormattedMessage id="iccIndex.answer.save" />
      </Button>
    </form>
  );
}

/** A saved answer as text, for those who read it without editing. */
export function AnswerText({ row }: { row: IndexQuestionRow }) {
  const t = useT();
  if (!row.answered)
    return (
      <p className="muted">
        <FormattedMessage id="iccIndex.answer.none" />
      </p>
    );
  const label = (code: string) => row.question.options.find((o) => o.code === code)?.label ?? code;
  const value =
    row.option !== null && row.option !== undefined
      ? label(row.option)
      : row.options
        ? row.options.map(label).join(', ') || t('iccIndex.answer.noneTicked')
        : row.number !== null && row.number !== undefined
          ? `${row.number}${row.question.type === 'PERCENTAGE' ? ' %' : ''}`
          : (row.text ?? '');
  return (
    <p>
      <strong>{value}</strong>
      {row.reference && (
        <>
          {' — '}
          <FormattedMessage id="iccIndex.answer.referenceShown" values={{ reference: row.reference }} />
        </>
      )}
    </p>
  );
}

export const dataTypeLabel = (dataType: string) => `iccIndex.dataType.${dataType}` as MessageId;
