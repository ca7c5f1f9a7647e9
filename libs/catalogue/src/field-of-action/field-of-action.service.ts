import { Injectable } from '@nestjs/common';
import { DataSource, In, IsNull } from 'typeorm';
import { FieldOfAction } from './field-of-action.entity';

export interface FieldOfActionData {
  number: number;
  code: string;
  title: string;
  description?: string | null;
  subFields?: { code: string; title: string; description?: string | null }[];
}

@Injectable()
export class FieldOfActionService {
  constructor(private readonly dataSource: DataSource) {}

  topLevel(): Promise<FieldOfAction[]> {
    return this.dataSource.getRepository(FieldOfAction).find({ where: { parentId: IsNull() }, order: { position: 'ASC' } });
  }

  subFieldsOf(parentIds: readonly string[]): Promise<FieldOfAction[]> {
    return this.dataSource.getRepository(FieldOfAction).find({ where: { parentId: In([...parentIds]) }, order: { position: 'ASC' } });
  }

  /** Inserts or updates by code; idempotent, so the seed can run on every start. */
  async upsert(fields: FieldOfActionData[]): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(FieldOfAction);
      for (const field of fields) {
        await repo.upsert(
          { code: field.code, title: field.title, description: field.description ?? null, position: field.number, parentId: null },
          ['code'],
        );
        const parent = await repo.findOneByOrFail({ code: field.code });
        for (const [index, sub] of (field.subFields ?? []).entries()) {
          await repo.upsert(
            { code: sub.code, title: sub.title, description: sub.description ?? null, position: index + 1, parentId: parent.id },
            ['code'],
          );
        }
      }
    });
  }
}
