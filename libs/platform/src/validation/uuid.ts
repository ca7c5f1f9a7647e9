/** A UUID in its canonical 8-4-4-4-12 hex form, either case: every primary key is a uuid column. */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `value` may be bound as a uuid parameter: PostgreSQL refuses anything else with an error (a 500). */
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID_PATTERN.test(value);
