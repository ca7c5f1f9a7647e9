import { useMemo, useState } from 'react';
import { useMutation } from 'urql';
import { useAuth } from '../auth/auth-context';
import type { PersonFieldsFragment } from '../graphql/generated/graphql';
import { Alert, Select } from '../ui/primitives';
import { useT } from './i18n';
import { timeZones } from './languages';
import { UpdateMyTimeZoneMutation } from './operations';

/** The signed-in person's time zone, saved to their account as soon as it is chosen. */
export function TimeZoneSetting({ person }: { person: PersonFieldsFragment }) {
  const t = useT();
  const { updatePerson } = useAuth();
  const zones = useMemo(timeZones, []);
  const [result, save] = useMutation(UpdateMyTimeZoneMutation);
  const [failed, setFailed] = useState(false);

  async function change(timeZone: string) {
    setFailed(false);
    const { data } = await save({ timeZone });
    if (data) updatePerson(data.updateMySettings);
    else setFailed(true);
  }

  return (
    <div className="time-zone-setting">
      <Select
        label={t('profile.timeZone')}
        hint={t('profile.timeZoneHint')}
        name="timeZone"
        value={person.timeZone}
        disabled={result.fetching}
        onChange={(e) => void change(e.target.value)}
      >
        {/* A zone the browser does not list (an old alias) stays shown as it is. */}
        {!zones.includes(person.timeZone) && <option value={person.timeZone}>{person.timeZone}</option>}
        {zones.map((zone) => (
          <option key={zone} value={zone}>
            {zone}
          </option>
        ))}
      </Select>
      {failed && <Alert kind="error">{t('profile.timeZoneFailed')}</Alert>}
    </div>
  );
}
