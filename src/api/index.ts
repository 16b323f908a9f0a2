/** The KooDrive Carrier API client: everything a caller needs, from one module. Never imports vscode. */
export * from './batch';
export * from './client';
export * from './endpoint';
export * from './errors';
export { fileSink, PART_SUFFIX } from './fileSink';
export * from './paging';
export { isRetryable, parseRetryAfter, type RetryPolicy, defaultRetryPolicy } from './retry';
export { formatXDate } from './clock';
export { parseLossless } from './json';
export { newTraceId } from './traceId';
export * from './types';
export { requireContainer } from './spaces';
