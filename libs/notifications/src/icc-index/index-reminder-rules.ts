/**
 * When an Index assessment's reminders go: data, not code (as reminder-rules.ts is for reviews).
 * Days count from 09:00 city time on the day named (negative: days after it); months count from
 * publication. The Index has no per-assessment overrides.
 */
export const INDEX_REMINDER_RULES = {
  /** Contributors with open questions assigned, and the coordinator while any is open: days before the questionnaire's due date. */
  answersDue: [14, 3],
  /** The secretariat, once the questionnaire is overdue. */
  answersOverdue: [-1],
  /** The experts: days before the analysis's due date. */
  analysisDue: [7],
  /** The secretariat, once the analysis is overdue. */
  analysisOverdue: [-1],
  /** The secretariat and the city's coordinator: months after publication, the next Index is due (every 2 to 3 years). */
  nextIndexMonths: 24,
} as const;
