import { Controller, Get, Param, Res } from '@nestjs/common';
import { CurrentUser, Me } from '@peervisit/platform';
import type { Response } from 'express';
import { Zip, ZipDeflate } from 'fflate';
import { PersonalDataArchive, PersonalDataService } from './personal-data.service';

/**
 * The right of access: /personal-data/me.zip (anyone signed in, from their profile),
 * /personal-data/people/:id.zip (that person or the secretariat) and /personal-data/stakeholders/:id.zip
 * (the secretariat). The service decides who may read what before anything is sent, so a refusal is
 * a clean 403/404 and never half an archive.
 */
@Controller('personal-data')
export class PersonalDataController {
  constructor(private readonly personalData: PersonalDataService) {}

  @Get('me.zip')
  async mine(@Me() user: CurrentUser, @Res() res: Response) {
    await send(res, await this.personalData.personArchive(user, user.personId));
  }

  @Get('people/:id.zip')
  async person(@Me() user: CurrentUser, @Param('id') id: string, @Res() res: Response) {
    await send(res, await this.personalData.personArchive(user, id));
  }

  @Get('stakeholders/:id.zip')
  async stakeholder(@Me() user: CurrentUser, @Param('id') id: string, @Res() res: Response) {
    await send(res, await this.personalData.stakeholderArchive(user, id));
  }
}

/** Streams the archive: the JSON first, then each uploaded file as it is read from storage. */
async function send(res: Response, archive: PersonalDataArchive): Promise<void> {
  res.set({
    'Content-Type': 'application/zip',
    'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(archive.fileName)}`,
    'Cache-Control': 'private, no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  const zip = new Zip((error, chunk, final) => {
    if (error) return void res.destroy(error);
    res.write(chunk);
    if (final) res.end();
  });
  try {
    for (const entry of archive.entries) {
      const file = new ZipDeflate(entry.path, { level: 6 });
      zip.add(file);
      if ('body' in entry) file.push(entry.body, true);
      else {
        for await (const chunk of await entry.open()) file.push(chunk as Uint8Array);
        file.push(new Uint8Array(0), true);
      }
    }
    zip.end();
  } catch (error) {
    // Headers are gone by now: cut the connection so the client sees a broken download, not a short archive.
    zip.terminate();
    res.destroy(error as Error);
  }
}
