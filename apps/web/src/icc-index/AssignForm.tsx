import { FormEvent, useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { useMutation } from 'urql';
import { apiError, problemFor } from '../graphql/errors';
import { useT } from '../i18n/i18n';
import { Alert, Button, Select, TextField } from '../ui/primitives';
import { AssignIndexQuestionsMutation } from './operations';

/** The coordinator (or the secretariat) asks a department, and a contributor known by email, to answer an indicator's questions. */
export function AssignForm({
  assessmentId,
  indicators,
  onAssigned,
}: {
  assessmentId: string;
  indicators: { code: string; name: string }[];
  onAssigned(): void;
}) {
  const t = useT();
  const [indicatorCode, setIndicatorCode] = useState(indicators[0]?.code ?? '');
  const [department, setDepartment] = useState('');
  const [email, setEmail] = useState('');
  const [assigned, setAssigned] = useState<number | null>(null);
  const [result, assign] = useMutation(AssignIndexQuestionsMutation);
  const error = apiError(result.error);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAssigned(null);
    const r = await assign({
      assessmentId,
      input: { indicatorCodes: [indicatorCode], department: department || null, assigneeEmail: email || null },
    });
    if (r.data) {
      setAssigned(r.data.assignIccIndexQuestions.length);
      onAssigned();
    }
  };
  return (
    <form onSubmit={submit} className="card index-assign" aria-labelledby="index-assign">
      <h3 id="index-assign">
        <FormattedMessage id="iccIndex.assign.title" />
      </h3>
      <Select label={t('iccIndex.assign.indicator')} value={indicatorCode} onChange={(e) => setIndicatorCode(e.target.value)}>
        {indicators.map((i) => (
          <option key={i.code} value={i.code}>
            {i.name}
          </option>
        ))}
      </Select>
      <TextField
        label={t('iccIndex.assign.department')}
        value={department}
        onChange={(e) => setDepartment(e.target.value)}
        error={error ? problemFor(error.problems, 'department') : undefined}
      />
      <TextField
        label={t('iccIndex.assign.email')}
        type="email"
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        error={error ? problemFor(error.problems, 'assigneeEmail') : undefined}
      />
      {error && !error.problems.length && <Alert kind="error">{error.message}</Alert>}
      {assigned !== null && (
        <Alert kind="success">
          <FormattedMessage id="iccIndex.assign.done" values={{ count: assigned }} />
        </Alert>
      )}
      <Button type="submit" disabled={result.fetching}>
        <FormattedMessage id="iccIndex.assign.submit" />
      </Button>
    </form>
  );
}
