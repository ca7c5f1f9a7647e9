import { Inject, Injectable } from '@nestjs/common';
import { Person } from '@peervisit/directory/entities';
import { APP_CONFIG, AppConfig, CurrentUser } from '@peervisit/platform';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';

/** What a person chooses about the messages they get: their own account only, so no review check. */
@Injectable()
export class MyNotificationSettings {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async setOptionalReminders(user: CurrentUser, enabled: boolean): Promise<Person> {
    await this.dataSource.getRepository(Person).update({ id: user.personId }, { optionalRemindersOff: !enabled });
    return this.dataSource.getRepository(Person).findOneByOrFail({ id: user.personId });
  }

  /** A new private feed URL; only the secret's hash is stored, so the previous URL stops working. */
  async resetCalendarFeed(user: CurrentUser): Promise<{ url: string }> {
    const token = randomBytes(24).toString('base64url');
    await this.dataSource
      .getRepository(Person)
      .update({ id: user.personId }, { calendarTokenHash: createHash('sha256').update(token).digest('hex') });
    return { url: `${this.config.publicUrl}/calendar/${token}.ics` };
  }
}
