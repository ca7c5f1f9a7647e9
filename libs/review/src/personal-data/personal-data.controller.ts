import { Controller, Get, Param, Res, StreamableFile } from '@nestjs/common';
import { attachment, CurrentUser, Me } from '@peervisit/platform';
import type { FastifyReply } from 'fastify';
import { Zip, ZipDeflate } from 'fflate';
import { PassThrough } from 'node:stream';
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
  async mine(@Me() user: CurrentUser, @Res({ passthrough: true }) reply: FastifyReply): Promise<StreamableFile> {
    return archiveFile(reply, await this.personalData.personArchive(user, user.personId));
  }

  @Get('people/:id.zip')
  async person(@Me() user: CurrentUser, @Param('id') id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<StreamableFile> {
    return archiveFile(reply, await this.personalData.personArchive(user, id));
  }

  @Get('stakeholders/:id.zip')
  async stakeholder(
    @Me() user: CurrentUser,
    @Param('id') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    return archiveFile(reply, await this.personalData.stakeholderArchive(user, id));
  }
}

/** The archive as a download, streamed: the JSON first, then each uploaded file as it is read from storage. */
function archiveFile(reply: FastifyReply, archive: PersonalDataArchive): StreamableFile {
  const out = new PassThrough();
  void fill(out, archive);
  return attachment(reply, out, {
    type: 'application/zip',
    disposition: `attachment; filename*=UTF-8''${encodeURIComponent(archive.fileName)}`,
  });
}

/** Resolves once `out` wants more, or is gone (a client that left: 'close' without 'drain'). */
const wanted = (out: PassThrough) =>
  new Promise<void>((resolve) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      resolve();
    };
    out.once('drain', done);
    out.once('close', done);
  });

/**
 * Writes the archive into `out` at the pace the client reads it, and stops reading storage when the
 * client has gone. A failure destroys `out`: once bytes are sent, the connection is cut, so the
 * client sees a broken download, not a short archive (before any byte, the answer is a 500).
 */
async function fill(out: PassThrough, archive: PersonalDataArchive): Promise<void> {
  const zip = new Zip((error, chunk, final) => {
    if (error) return void out.destroy(error);
    if (out.destroyed) return;
    out.write(chunk);
    if (final) out.end();
  });
  try {
    for (const entry of archive.entries) {
      if (out.destroyed) break;
      const file = new ZipDeflate(entry.path, { level: 6 });
      zip.add(file);
      if ('body' in entry) file.push(entry.body, true);
      else {
        for await (const chunk of await entry.open()) {
          if (out.destroyed) break; // leaving the loop closes the file's stream
          file.push(chunk as Uint8Array);
          if (out.writableNeedDrain) await wanted(out);
        }
        file.push(new Uint8Array(0), true);
      }
      if (out.writableNeedDrain) await wanted(out);
    }
    if (out.destroyed) zip.terminate();
    else zip.end();
  } catch (error) {
    zip.terminate();
    out.destroy(error as Error);
  }
}
