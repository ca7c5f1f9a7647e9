import { FormEvent, useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { Button, TextField } from '../../ui/primitives';

/** A search field with its button; `onSearch` gets the words when the form is sent. */
export function SearchForm({
  label,
  hint,
  initial = '',
  onSearch,
}: {
  label: string;
  hint?: string;
  initial?: string;
  onSearch(words: string): void;
}) {
  const [words, setWords] = useState(initial);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSearch(words.trim());
  };
  return (
    <form role="search" className="search-row" onSubmit={submit}>
      <TextField label={label} hint={hint} type="search" value={words} onChange={(e) => setWords(e.target.value)} />
      <Button type="submit" variant="secondary">
        <FormattedMessage id="secretariat.search" />
      </Button>
    </form>
  );
}
