/** File endpoints (reference §5.7, §5.8; D14). Each throws KooDriveError; see {@link Http.send}. */
import { type Body, optionalString, ShapeError } from './envelope';
import type { CallOptions, Http } from './http';
import type { FileDetails } from './types';
import { pathFor, requireId } from './validate';

/**
 * getFile (§5.7): the details of `fileId` in the space `containerId` (GetSpace of the file's
 * owner). A POST that only reads, so it is retried like a read. The file object is taken from
 * `data`, `file` or the top level, whichever holds an `id` or a `fileName` (the reference does
 * not say, D14).
 * @throws KooDriveError (`invalidInput` locally for an empty fileId or containerId; `badResponse`
 * when no candidate holds a file).
 */
export async function getFile(http: Http, fileId: string, containerId: string, call?: CallOptions): Promise<FileDetails> {
  const path = pathFor('POST', '/files/{fileId}/detail', { fileId });
  requireId(containerId, 'containerId', 'POST', path);
  return http.send({ method: 'POST', path, idempotent: true, body: { containerId } }, readFile, call);
}

/**
 * GetFullPath (§5.8): where a file lives, as `/`-joined names and ids from the space's root.
 * Its page types `code` as a String (§7.29); the pipeline reads either.
 * @throws KooDriveError (`invalidInput` locally for an empty fileId or containerId).
 */
export async function getFullPath(http: Http, fileId: string, containerId: string, call?: CallOptions): Promise<{ namePath?: string; fileIdPath?: string }> {
  const path = pathFor('GET', '/files/path');
  requireId(fileId, 'fileId', 'GET', path);
  requireId(containerId, 'containerId', 'GET', path);
  return http.send(
    { method: 'GET', path, idempotent: true, query: { fileId, containerId } },
    (body) => ({ namePath: optionalString(body, 'namePath'), fileIdPath: optionalString(body, 'fileIdPath') }),
    call,
  );
}

function readFile(body: Body): FileDetails {
  for (const candidate of [body.data, body.file, body]) {
    if (candidate !== null && typeof candidate === 'object' && !Array.isArray(candidate)) {
      const file = candidate as Body;
      if (isPresent(file.id) || isPresent(file.fileName)) {
        return file as FileDetails;
      }
    }
  }
  throw new ShapeError('the answer holds no file (no "id" or "fileName" in data, file or the top level)');
}

function isPresent(value: unknown): boolean {
  return (typeof value === 'string' && value !== '') || typeof value === 'number';
}
