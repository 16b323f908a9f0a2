import type { App } from '../../app';
import type { BatchResult } from '../../api/batch';
import { isKind, isKooDriveError, KooDriveError } from '../../api/errors';
import { contentToSave } from '../../api/save';
import type { FileDetails } from '../../api/types';
import { clashQuestion, downloadProgress, downloadSummary } from '../../model/downloadText';
import { safeFileName, uniqueNames } from '../../model/fileNames';
import { type ClashAnswer, type LocalState, needsQuestion, resolveClashes, type SaveAction } from '../../model/saveClashes';
import { safeText } from '../../model/safeText';
import type { TargetFolder } from '../../services/targetFolder';
import { type BatchOutcome, batchReport, failedCount, firstFailure, notDone, offerSummary, runResumable } from './batch';

/** A file to download: an album item's file and owner. */
export interface DownloadSource {
  fileId: string;
  ownerId?: string;
}

/** What a download does, and where. */
export interface DownloadRequest {
  folder: TargetFolder;
  /** The folder's name for messages, inert. */
  folderName: string;
  items: DownloadSource[];
  /** Names given by an earlier run of the same download (Retry Failed keeps them). */
  names?: Map<string, string>;
  /** Actions of the summary besides Retry Failed and Show Details (Reveal in File Explorer). */
  extras?: Record<string, () => Promise<void>>;
}

/** What a download did: every file in exactly one list; `kept` clashed with a local file the user chose to keep. */
export interface DownloadOutcome extends BatchOutcome {
  kept: string[];
  /** The name each file was given in the folder. */
  names: Map<string, string>;
}

/** Files downloaded at once. */
const AT_ONCE = 4;

/**
 * Download… (D22): reads each file's details (names, sizes, checksums; bulk work), names them
 * safely and uniquely, checks what the folder already holds (size and sha256, read locally),
 * asks once what to do with files that clash with different ones, then streams the rest a few
 * at a time under one cancellable progress: files and bytes. A failure never stops the rest; a
 * 401 asks once to sign in again and carries on with what is left; an expired link is read
 * afresh once. Ends with one summary: Retry Failed, Show Details, and the request's extras.
 */
export async function runDownload(app: App, request: DownloadRequest): Promise<DownloadOutcome | undefined> {
  const { t } = app;
  const prepared = await app.prompter.progress(t('Preparing the download to “{0}”…', request.folderName), (reporter, signal) => prepare(app, request, signal, (done) => reporter.report(t('{0} of {1} files looked up', done, request.items.length))));
  if (!prepared) {
    return undefined;
  }
  let answer: ClashAnswer | undefined;
  const clashes = prepared.planned.filter((file) => file.state === 'different').length;
  if (needsQuestion(prepared.planned.map((file) => file.state))) {
    const words = clashQuestion(clashes, request.folderName, t);
    const chosen = await app.prompter.ask({ message: words.message, detail: words.detail, buttons: [words.overwrite, words.keepBoth, words.skip] });
    if (chosen === undefined) {
      return undefined; // dismissed: nothing was written, nothing is reported
    }
    answer = chosen === words.overwrite ? 'overwrite' : chosen === words.keepBoth ? 'keepBoth' : 'skip';
  }
  const actions = resolveClashes(prepared.planned, answer, await request.folder.names());
  const outcome = await app.prompter.progress(t('Downloading to “{0}”', request.folderName), (reporter, signal) => transfer(app, request, prepared, actions, signal, reporter.report.bind(reporter)));
  app.log.info(`Downloaded ${outcome.done.length} of ${request.items.length} files (${outcome.alreadyThere.length} already there, ${outcome.kept.length} kept); failed ${failedCount(outcome)}, not attempted ${outcome.notAttempted.length}${outcome.cancelled ? ' (cancelled)' : ''}`);
  offerDownloadSummary(app, request, outcome);
  return outcome;
}

/** A file ready to be saved: its details, its name in the folder, and what is there now. */
interface Planned {
  source: DownloadSource;
  details: FileDetails;
  name: string;
  state: LocalState;
}

interface Prepared {
  planned: Planned[];
  /** Files whose details could not be read (or that have no content): they are not downloaded. */
  failed: BatchOutcome['failed'];
  notAttempted: string[];
  cancelled: boolean;
}

/** Reads every file's details (resuming after a 401), names them, and checks the folder. */
async function prepare(app: App, request: DownloadRequest, signal: AbortSignal, onProgress: (done: number) => void): Promise<Prepared | undefined> {
  await ensure(request.folder);
  const byId = new Map(request.items.map((item) => [item.fileId, item]));
  const details = new Map<string, FileDetails>();
  const looked = await runResumable(app, [...byId.keys()], (pending, onPass) => inPool(pending, signal, async (fileId) => {
    const source = byId.get(fileId) as DownloadSource;
    const file = await app.itemDetails.details(fileId, source.ownerId, signal, 'bulk');
    if (!contentToSave(file)) {
      throw new KooDriveError({ kind: 'noContent', method: 'POST', path: '', detail: 'getFile gave no content link or size' });
    }
    details.set(fileId, file);
  }, onPass), { signal, onProgress });
  if (looked.cancelled) {
    return undefined;
  }
  const sources = looked.done.map((fileId) => byId.get(fileId) as DownloadSource);
  const safe = sources.map((source) => request.names?.get(source.fileId) ?? safeFileName(details.get(source.fileId)?.fileName, { id: source.fileId, mimeType: details.get(source.fileId)?.mimeType }));
  const names = request.names ? safe : uniqueNames(safe);
  const planned: Planned[] = [];
  for (const [index, source] of sources.entries()) {
    const file = details.get(source.fileId) as FileDetails;
    planned.push({ source, details: file, name: names[index], state: await localState(request.folder, names[index], file) });
  }
  return { planned, failed: looked.failed, notAttempted: looked.notAttempted, cancelled: false };
}

/** Whether the folder already holds this file: the same size and, where KooDrive gives it, the same sha256. */
async function localState(folder: TargetFolder, name: string, file: FileDetails): Promise<LocalState> {
  const local = await folder.file(name);
  if (!local) {
    return 'absent';
  }
  const wanted = contentToSave(file);
  if (!wanted || local.size !== wanted.size) {
    return 'different';
  }
  return !wanted.sha256 || (await local.sha256()) === wanted.sha256 ? 'same' : 'different';
}

/** Saves the files to write, {@link AT_ONCE} at a time, reporting files and bytes. */
async function transfer(app: App, request: DownloadRequest, prepared: Prepared, actions: SaveAction[], signal: AbortSignal, report: (message: string) => void): Promise<DownloadOutcome> {
  const names = new Map(prepared.planned.map((file, index) => [file.source.fileId, 'write' in actions[index] ? actions[index].write : file.name]));
  const toWrite = new Map<string, { file: Planned; name: string; overwrite: boolean }>();
  const alreadyThere: string[] = [];
  const kept: string[] = [];
  prepared.planned.forEach((file, index) => {
    const action = actions[index];
    if ('write' in action) {
      toWrite.set(file.source.fileId, { file, name: action.write, overwrite: action.overwrite });
    } else {
      (action.skip === 'alreadyThere' ? alreadyThere : kept).push(file.source.fileId);
    }
  });
  const totalFiles = request.items.length;
  const totalBytes = [...toWrite.values()].reduce((sum, entry) => sum + (contentToSave(entry.file.details)?.size ?? 0), 0);
  const received = new Map<string, number>();
  let finished = alreadyThere.length + kept.length;
  let last = 0;
  const progress = (force = false): void => {
    const now = Date.now();
    if (force || now - last >= 250) {
      last = now;
      report(downloadProgress(finished, totalFiles, [...received.values()].reduce((sum, bytes) => sum + bytes, 0), totalBytes, app.t, app.locale()));
    }
  };
  progress(true);
  const saved = await runResumable(app, [...toWrite.keys()], (pending, onPass) => inPool(pending, signal, async (fileId) => {
    const { file, name, overwrite } = toWrite.get(fileId) as { file: Planned; name: string; overwrite: boolean };
    const content = contentToSave(file.details) as { link: string; size: number; sha256?: string };
    try {
      await app.client.save(content.link, request.folder.sink(name, overwrite), {
        size: content.size,
        sha256: content.sha256,
        signal,
        onProgress: (bytes) => {
          received.set(fileId, bytes);
          progress();
        },
        refreshLink: async () => contentToSave(await app.itemDetails.fresh(fileId, file.source.ownerId, signal))?.link ?? content.link,
      });
      finished += 1;
      progress(true);
    } catch (error) {
      received.delete(fileId); // nothing of it stays on disk
      throw error;
    }
  }, onPass), { signal });
  return {
    ...saved,
    failed: [...prepared.failed, ...saved.failed],
    notAttempted: [...prepared.notAttempted, ...saved.notAttempted],
    alreadyThere,
    kept,
    names,
  };
}

/**
 * Runs `work` on each id, {@link AT_ONCE} at a time, as a batch pass: a failure never stops the
 * others, except a 401, after which nothing new starts (the caller signs in again and resumes
 * with what was left); a cancel stops new work and aborts the running.
 */
async function inPool(ids: string[], signal: AbortSignal, work: (id: string) => Promise<void>, onDone: (done: number) => void): Promise<BatchResult> {
  const result: BatchResult = { done: [], failed: [], notAttempted: [] };
  let next = 0;
  let expired = false;
  const worker = async (): Promise<void> => {
    while (next < ids.length && !expired && !signal.aborted) {
      const id = ids[next++];
      try {
        await work(id);
        result.done.push(id);
        onDone(result.done.length);
      } catch (error) {
        const failure = isKooDriveError(error) ? error : new KooDriveError({ kind: 'badResponse', method: 'GET', path: '', detail: 'the download failed unexpectedly' });
        if (signal.aborted && (isKind(failure, 'cancelled') || !isKooDriveError(error))) {
          result.notAttempted.push(id);
        } else {
          expired ||= isKind(failure, 'sessionExpired');
          result.failed.push({ ids: [id], error: failure });
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(AT_ONCE, ids.length) }, worker));
  result.notAttempted.push(...ids.slice(next));
  return result;
}

/** Makes the folder, a local failure reported as a `disk` error with its system code only. */
async function ensure(folder: TargetFolder): Promise<void> {
  try {
    await folder.ensure();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new KooDriveError({ kind: 'disk', method: '', path: '', systemCode: typeof code === 'string' && /^E[A-Z0-9_]+$/.test(code) ? code : 'EIO' });
  }
}

/** The summary of a download: Retry Failed (the same names), Show Details, then the request's extras. */
function offerDownloadSummary(app: App, request: DownloadRequest, outcome: DownloadOutcome): void {
  const { t } = app;
  const first = firstFailure(outcome, t);
  const tally = { downloaded: outcome.done.length, alreadyThere: outcome.alreadyThere.length, kept: outcome.kept.length, failed: failedCount(outcome), notAttempted: outcome.notAttempted.length };
  const message = [downloadSummary(tally, request.folderName, outcome.cancelled, first?.reason, t), first?.trace].filter(Boolean).join(' ');
  const describe = (id: string): string => `${safeText(outcome.names.get(id) ?? '', 120)} (${safeText(id, 120)})`.replace(/^ \(/, '(');
  offerSummary(app, {
    title: t('Download'),
    message,
    outcome,
    retry: async (ids) => void (await runDownload(app, { ...request, items: request.items.filter((item) => ids.includes(item.fileId)), names: outcome.names })),
    report: () => ({
      title: t('Download to {0}', request.folderName),
      text: batchReport(outcome, {
        heading: t('Download to “{0}”', request.folderName),
        facts: [t('Folder: {0}', safeText(request.folder.location, 400)), t('Downloaded: {0}', outcome.done.length), t('Already there: {0}', outcome.alreadyThere.length), t('Left as they were: {0}', outcome.kept.length)],
        notAttempted: outcome.cancelled ? t('Not downloaded (cancelled)') : t('Not attempted'),
      }, t, describe),
    }),
    extras: notDone(outcome).length < request.items.length ? request.extras : undefined,
  });
}
