import { AppError, ErrorCode } from '@peervisit/platform';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  activitiesAllowedIn,
  allows,
  assertAllowed,
  CAPABILITIES,
  refusalOf,
  REFUSALS,
  ReviewActivity,
  STATUS_COLUMNS,
  statusesAllowing,
} from './review-capabilities';
import { ReviewStatus } from './review.entity';

const ROOT = join(__dirname, '../../../..');
const ACTIVITIES = Object.keys(CAPABILITIES) as ReviewActivity[];

/** The libraries' source files (not specs), with their text. */
function sources(): { path: string; text: string }[] {
  const files: { path: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts'))
        files.push({ path: relative(ROOT, path), text: readFileSync(path, 'utf8') });
    }
  };
  for (const lib of readdirSync(join(ROOT, 'libs'))) walk(join(ROOT, 'libs', lib, 'src'));
  return files;
}

const TABLE = 'libs/review/src/review/review-capabilities.ts';
/** Files that may name review statuses: what they do is not "may this happen in this status". */
const MAY_NAME_STATUSES: Record<string, string> = {
  'libs/review/src/review/review.entity.ts': 'the enum and the default status',
  'libs/review/src/review/review-status-machine.ts': 'the transitions',
  [TABLE]: 'the table',
  'libs/review/src/review/review.resolver.ts': 'each transition mutation names its target',
  'libs/review/src/review/review.service.ts': 'transition() keeps a cancellation’s reason',
};

describe('what each review status allows (review-capabilities.ts)', () => {
  const files = sources();

  it('has one column per status, and every status row decides every activity', () => {
    expect([...STATUS_COLUMNS].sort()).toEqual(Object.values(ReviewStatus).sort());
    for (const status of Object.values(ReviewStatus)) {
      for (const activity of ACTIVITIES)
        expect({ status, activity, decided: typeof CAPABILITIES[activity][STATUS_COLUMNS.indexOf(status)] }).toEqual({
          status,
          activity,
          decided: 'boolean',
        });
    }
    expect(Object.keys(REFUSALS).sort()).toEqual([...ACTIVITIES].sort());
  });

  it('every activity is asked by at least one service (found in the source), so none is a row nobody reads', () => {
    const asking = files.filter((f) => f.path !== TABLE && /\b(assertAllowed|allows|refusalOf|statusesAllowing)\(/.test(f.text));
    const unasked = ACTIVITIES.filter((activity) => !asking.some((f) => f.text.includes(`'${activity}'`)));
    expect(unasked).toEqual([]);
  });

  it('no service decides by status on its own: review statuses are named only in the table and the status machine', () => {
    const scattered = files
      .filter((f) => !(f.path in MAY_NAME_STATUSES))
      .flatMap((f) =>
        f.text
          .split('\n')
          .map((line, i) => ({ at: `${f.path}:${i + 1}`, line: line.trim() }))
          .filter(({ line }) => /\bReviewStatus\.[A-Z_]+\b/.test(line) || /\.includes\((?:review|r|row|facts)\.status\)/.test(line)),
      );
    expect(scattered).toEqual([]);
  });

  it('refuses with the activity’s AppError code and a sentence that names the current status or says why', () => {
    for (const activity of ACTIVITIES) {
      const refusal = REFUSALS[activity];
      for (const status of Object.values(ReviewStatus)) {
        const review = { status, title: 'Review of Bergen' };
        if (allows(status, activity)) {
          expect(refusalOf(review, activity)).toBeNull();
          expect(() => assertAllowed(review, activity)).not.toThrow();
          continue;
        }
        const error = (() => {
          try {
            assertAllowed(review, activity);
          } catch (e) {
            return e;
          }
        })();
        expect(error).toBeInstanceOf(AppError);
        expect({ activity, status, code: (error as AppError).code }).toEqual({
          activity,
          status,
          code: refusal?.code ?? ErrorCode.INVALID_TRANSITION,
        });
        expect((error as AppError).message).toBe(refusalOf(review, activity));
      }
    }
  });

  it('answers the same from every side: allows, statusesAllowing and activitiesAllowedIn read one table', () => {
    for (const activity of ACTIVITIES) {
      expect(statusesAllowing(activity)).toEqual(STATUS_COLUMNS.filter((s) => allows(s, activity)));
    }
    for (const status of STATUS_COLUMNS) expect(activitiesAllowedIn(status)).toEqual(ACTIVITIES.filter((a) => allows(status, a)));
  });

  it('writes the lists of statuses in its sentences from the table, so a sentence cannot drift from its row', () => {
    expect(refusalOf({ status: ReviewStatus.FEEDBACK }, 'logEvidence')).toBe(
      'Evidence can be logged while the review is in self-assessment, visit or deliberation; it is FEEDBACK.',
    );
    expect(refusalOf({ status: ReviewStatus.VISIT }, 'editSelfAssessment')).toBe(
      'The self-assessment can be edited while the review is in PREPARATION or SELF_ASSESSMENT; it is VISIT.',
    );
    expect(refusalOf({ status: ReviewStatus.CLOSED, title: 'Review of Bergen' }, 'addDocument')).toBe(
      'Documents can no longer be added: the review "Review of Bergen" is closed.',
    );
  });
});
