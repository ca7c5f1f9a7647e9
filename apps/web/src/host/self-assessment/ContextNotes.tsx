import { useEffect, useRef, useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { useMutation } from 'urql';
import { apiError } from '../../graphql/errors';
import { useT } from '../../i18n/i18n';
import { TextArea } from '../../ui/primitives';
import { HostSaveContextNoteMutation } from '../operations-self-assessment';
import { AUTOSAVE_MS } from './EntryEditor';

interface Factor {
  id: string;
  code: string;
  name: string;
  description: string;
}

/** The city's notes on the benchmark's context factors (national law, labour market...): each saved a moment after typing stops. */
export function ContextNotes({
  reviewId,
  factors,
  notes,
  editable,
}: {
  reviewId: string;
  factors: Factor[];
  notes: { contextFactorId: string; note: string }[];
  editable: boolean;
}) {
  return (
    <section className="card context-notes" aria-labelledby="context-heading">
      <h2 id="context-heading">
        <FormattedMessage id="host.sa.contextTitle" />
      </h2>
      <p className="muted">
        <FormattedMessage id="host.sa.contextIntro" />
      </p>
      {factors.map((f) => (
        <ContextNote
          key={f.id}
          reviewId={reviewId}
          factor={f}
          saved={notes.find((n) => n.contextFactorId === f.id)?.note ?? ''}
          editable={editable}
        />
      ))}
    </section>
  );
}

function ContextNote({ reviewId, factor, saved, editable }: { reviewId: string; factor: Factor; saved: string; editable: boolean }) {
  const t = useT();
  const [text, setText] = useState(saved);
  const [state, setState] = useState<'idle' | 'saving' | 'saved' | 'failed'>('idle');
  const [error, setError] = useState<string | null>(null);
  const [, save] = useMutation(HostSaveContextNoteMutation);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef(text);
  const dirty = useRef(false);

  // Follows the server while nothing is being typed here.
  useEffect(() => {
    if (!dirty.current) setText(saved);
  }, [saved]);

  const send = async () => {
    clearTimeout(timer.current);
    if (!dirty.current) return;
    const note = latest.current;
    setState('saving');
    const result = await save({ reviewId, contextFactorId: factor.id, note });
    if (result.data) {
      if (latest.current === note) dirty.current = false;
      setState('saved');
      setError(null);
    } else {
      setState('failed');
      setError(apiError(result.error)?.message ?? t('host.sa.offline'));
    }
  };
  useEffect(
    () => () => {
      if (dirty.current) void send();
    },
    [],
  );

  return (
    <div className="context-note">
      <TextArea
        label={factor.name}
        hint={factor.description}
        rows={3}
        value={text}
        disabled={!editable}
        onChange={(e) => {
          setText(e.target.value);
          latest.current = e.target.value;
          dirty.current = true;
          setState('idle');
          clearTimeout(timer.current);
          timer.current = setTimeout(() => void send(), AUTOSAVE_MS);
        }}
        onBlur={() => void send()}
        error={error ?? undefined}
      />
      <p className="save-state muted" aria-live="polite">
        {state === 'saving' && <FormattedMessage id="host.sa.saving" />}
        {state === 'saved' && <FormattedMessage id="host.sa.noteSaved" />}
      </p>
    </div>
  );
}
