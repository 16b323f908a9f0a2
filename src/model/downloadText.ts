import { withoutStop } from './errorText';
import { humanSize } from './itemText';
import type { Localize } from './localize';

/** Wording of Download…: its progress, its one summary, its clash question. Pure and unit-tested. */

/** "12 of 40 · 210 MB of 1.1 GB": files finished (downloaded or already there) and bytes received. */
export function downloadProgress(files: number, totalFiles: number, bytes: number, totalBytes: number, t: Localize, locale: string): string {
  return t('{0} of {1} · {2} of {3}', files, totalFiles, humanSize(bytes, locale) ?? '0 B', humanSize(totalBytes, locale) ?? '0 B');
}

export interface DownloadTally {
  downloaded: number;
  alreadyThere: number;
  /** Clashing files left as they were, as the user asked (Skip). */
  kept: number;
  failed: number;
  notAttempted: number;
}

/** The summary shown once at the end of a download; `folder` is the folder's name, inert. */
export function downloadSummary(tally: DownloadTally, folder: string, cancelled: boolean, reason: string | undefined, t: Localize): string {
  const missing = tally.failed + tally.notAttempted;
  const parts: string[] = [];
  if (missing === 0 && tally.downloaded === 0 && tally.alreadyThere > 0) {
    parts.push(tally.alreadyThere === 1 ? t('The file is already in “{0}”; nothing was downloaded.', folder) : t('All {0} files are already in “{1}”; nothing was downloaded.', tally.alreadyThere, folder));
  } else {
    if (missing === 0) {
      parts.push(tally.downloaded === 1 ? t('Downloaded 1 file to “{0}”.', folder) : t('Downloaded {0} files to “{1}”.', tally.downloaded, folder));
    } else if (cancelled) {
      parts.push(t('Cancelled: {0} downloaded to “{1}”, {2} not downloaded.', tally.downloaded, folder, missing));
    } else {
      parts.push(t('{0} downloaded to “{1}”, {2} failed.', tally.downloaded, folder, missing));
    }
    if (tally.alreadyThere > 0) {
      parts.push(tally.alreadyThere === 1 ? t('1 was already there.') : t('{0} were already there.', tally.alreadyThere));
    }
  }
  if (tally.kept > 0) {
    parts.push(tally.kept === 1 ? t('1 file of the same name was left as it was.') : t('{0} files of the same name were left as they were.', tally.kept));
  }
  if (reason && tally.failed > 0) {
    parts.push(t('Reason: {0}.', withoutStop(reason)));
  }
  return parts.join(' ');
}

/** The one question when some files clash with different local files of the same name. */
export function clashQuestion(clashes: number, folder: string, t: Localize): { message: string; detail: string; overwrite: string; keepBoth: string; skip: string } {
  return {
    message: clashes === 1
      ? t('“{0}” already holds a different file of the same name as one being downloaded.', folder)
      : t('“{0}” already holds different files of the same names as {1} being downloaded.', folder, clashes),
    detail: t('Overwrite replaces them; Keep Both saves the download as “name (2)”; Skip leaves them as they are. The answer applies to every such file of this download.'),
    overwrite: t('Overwrite'),
    keepBoth: t('Keep Both'),
    skip: t('Skip'),
  };
}
