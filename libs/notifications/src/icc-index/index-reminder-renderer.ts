import { City, Person } from '@peervisit/directory/entities';
import { localize, openQuestions } from '@peervisit/icc-index';
import { IndexAnswer, IndexAssessment, IndexAssessmentStatus, IndexDefinition } from '@peervisit/icc-index/entities';
import { RenderedMessage } from '@peervisit/platform';
import { OutboxMessage } from '@peervisit/platform/entities';
import { parseInZone } from '@peervisit/review';
import { DataSource } from 'typeorm';
import { RenderOptions, TemplateRenderer } from '../templates/template-renderer';

export const INDEX_TEMPLATES = ['icc-index-due', 'icc-index-overdue', 'icc-index-next'] as const;
export const isIndexTemplate = (template: string) => (INDEX_TEMPLATES as readonly string[]).includes(template);

/**
 * The notify step of an Index assessment's reminders (rows about no review): loads the assessment at
 * send time, skips what is no longer true (answers saved, submitted, published, a date moved, a later
 * Index started) and renders the rest. Called by NotificationsRenderer for the Index's templates.
 */
export class IndexReminderRenderer {
  constructor(
    private readonly dataSource: DataSource,
    private readonly templates: TemplateRenderer,
    private readonly publicUrl: string,
  ) {}

  async render(message: OutboxMessage, person: Person | null, options: RenderOptions): Promise<RenderedMessage | { skip: string }> {
    const data = message.data as Record<string, unknown>;
    const assessmentId = message.dedupeKey.split(':')[1];
    const assessment = await this.dataSource.getRepository(IndexAssessment).findOneBy({ id: assessmentId });
    if (!assessment) return { skip: 'the Index assessment no longer exists' };
    const city = await this.dataSource.getRepository(City).findOneByOrFail({ id: assessment.cityId });
    const definition = await this.dataSource.getRepository(IndexDefinition).findOneByOrFail({ id: assessment.definitionId });
    const common = {
      recipientName: person?.fullName ?? '',
      cityName: city.name,
      link: `${this.publicUrl}/index/${assessment.id}`,
    };
    const dueAt = (day: string) => (parseInZone(`${day}T09:00`, city.timeZone) ?? new Date(`${day}T09:00:00Z`)).toISOString();

    if (message.template === 'icc-index-next') {
      const [later] = await this.dataSource.query('SELECT 1 FROM icc_index_assessment WHERE city_id = $1 AND created_at > $2 LIMIT 1', [
        assessment.cityId,
        assessment.publishedAt ?? assessment.createdAt,
      ]);
      if (later) return { skip: 'a later Index assessment of the city was started' };
      return this.templates.render(
        'icc-index-next',
        {
          ...common,
          publishedAt: (assessment.publishedAt ?? assessment.createdAt).toISOString(),
          months: Number(data.monthsAfterPublication),
        },
        options,
      );
    }

    const stage = data.stage === 'analysis' ? 'analysis' : 'answers';
    const dueDate = stage === 'analysis' ? assessment.analysisDueDate : assessment.dueDate;
    if (!dueDate || dueDate !== data.dueDate) return { skip: 'the due date changed' };
    if (stage === 'answers' && assessment.status !== IndexAssessmentStatus.IN_PROGRESS) return { skip: 'the questionnaire was submitted' };
    if (stage === 'analysis' && assessment.status === IndexAssessmentStatus.PUBLISHED) return { skip: 'the Index is published' };

    if (message.template === 'icc-index-overdue')
      return this.templates.render('icc-index-overdue', { ...common, stage, dueAt: dueAt(dueDate) }, options);

    let open: string[] = [];
    if (stage === 'answers') {
      const answers = await this.dataSource.getRepository(IndexAnswer).findBy({ assessmentId });
      const coordinator = assessment.coordinatorId === message.recipientId;
      const mine = new Set(answers.filter((a) => a.assigneeId === message.recipientId).map((a) => a.questionCode));
      // The coordinator hears about every open question; a contributor about the ones assigned to them.
      open = openQuestions(definition.content, answers)
        .filter((q) => coordinator || mine.has(q.code))
        .map((q) => `${q.code} (${localize(q.indicatorName, options.language ?? 'en')})`);
      if (!open.length) return { skip: 'no open question is left for the recipient' };
    } else if (!assessment.expertIds.includes(message.recipientId ?? '')) return { skip: 'the recipient is no longer an expert of it' };
    return this.templates.render(
      'icc-index-due',
      { ...common, stage, dueAt: dueAt(dueDate), openCount: open.length, openQuestions: open },
      options,
    );
  }
}
