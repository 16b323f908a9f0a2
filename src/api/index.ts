/** The KooDrive Carrier API client. Never imports vscode. */
export * from './batch';
export * from './client';
export * from './errors';
export * from './endpoint';
export * from './paging';
export type * from './types';
