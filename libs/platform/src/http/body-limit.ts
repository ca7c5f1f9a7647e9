/** The largest request body read (JSON and forms; uploads have their own limits), as Express' body parsers had it. */
export const BODY_LIMIT_BYTES = 100 * 1024;
