import * as vscode from 'vscode';
import { errorReason, isCancellation } from '../model/errorText';
import type { PagedPickSource, ProgressReporter } from './prompter';

const t = vscode.l10n.t;

type Entry<T> = vscode.QuickPickItem & { value?: T; special?: 'more' | 'all' };

/** Runs a task under cancellable progress (the prompter's own). */
type WithProgress = (title: string, task: (reporter: ProgressReporter, signal: AbortSignal) => Promise<void>) => Promise<void>;

/**
 * A quick pick that loads a page at a time: "Load more…" for the next page and, where the source
 * can, "Load all" (with cancellable progress) so that Select All takes the whole listing. Single
 * or multiple choice; resolves with the chosen values, or undefined when dismissed.
 */
export function pagedQuickPick<T, C>(source: PagedPickSource<T, C>, options: { title: string; placeholder: string; many: boolean }, withProgress: WithProgress, opened?: (picker: vscode.QuickPick<Entry<T>>) => void): Promise<T[] | undefined> {
  const quickPick = vscode.window.createQuickPick<Entry<T>>();
  opened?.(quickPick);
  quickPick.title = options.title;
  quickPick.placeholder = options.placeholder;
  quickPick.canSelectMany = options.many;
  quickPick.ignoreFocusOut = true;
  quickPick.matchOnDescription = true;
  const controller = new AbortController();
  const moreEntry: Entry<T> = { label: `$(ellipsis) ${t('Load more…')}`, special: 'more', alwaysShow: true };
  const allEntry: Entry<T> = { label: `$(cloud-download) ${t('Load all')}`, special: 'all', alwaysShow: true };
  let loaded: Entry<T>[] = [];
  let cursor: C | undefined;
  let hasMore = true;
  let loading = false;

  const render = (): void => {
    const selected = quickPick.selectedItems.filter((item) => !item.special);
    quickPick.items = hasMore ? [...loaded, moreEntry, ...(source.loadAll ? [allEntry] : [])] : loaded;
    if (options.many) {
      quickPick.selectedItems = selected;
    }
  };
  const add = (items: { label: string; description?: string; detail?: string; value: T; picked?: boolean }[]): void => {
    loaded = [...loaded, ...items.map((item) => ({ label: item.label, description: item.description, detail: item.detail, value: item.value, picked: item.picked }))];
  };
  const run = async (work: () => Promise<void>): Promise<void> => {
    if (loading || !hasMore) {
      return;
    }
    loading = true;
    quickPick.busy = true;
    try {
      await work();
    } catch (error) {
      if (!isCancellation(error)) {
        quickPick.placeholder = t('Could not load: {0}', errorReason(error, t));
        hasMore = false;
      }
    } finally {
      loading = false;
      quickPick.busy = false;
      render();
    }
  };
  const loadNext = (): Promise<void> => run(async () => {
    const page = await source.load(cursor, controller.signal);
    add(page.items);
    cursor = page.next;
    hasMore = page.next !== undefined;
  });
  const loadAll = (): Promise<void> => run(() => withProgress(t('Loading everything for “{0}”…', options.title), async (reporter, signal) => {
    const stop = (): void => controller.abort();
    const both = AbortSignal.any([signal, controller.signal]);
    both.addEventListener('abort', stop, { once: true });
    const rest = await (source.loadAll as NonNullable<typeof source.loadAll>)(cursor, both, (count) => reporter.report(t('{0} loaded', loaded.length + count)));
    add(rest);
    cursor = undefined;
    hasMore = false;
  }));

  return new Promise<T[] | undefined>((resolve) => {
    let settled = false;
    const finish = (value: T[] | undefined): void => {
      if (!settled) {
        settled = true;
        controller.abort();
        resolve(value);
        quickPick.dispose();
      }
    };
    const special = (items: readonly Entry<T>[]): 'more' | 'all' | undefined => items.find((item) => item.special)?.special;
    quickPick.onDidChangeSelection((selection) => {
      const asked = special(selection);
      if (options.many && asked) {
        quickPick.selectedItems = selection.filter((item) => !item.special);
        void (asked === 'all' ? loadAll() : loadNext());
      }
    });
    quickPick.onDidAccept(() => {
      if (loading) {
        return;
      }
      const asked = options.many ? undefined : special(quickPick.activeItems);
      if (asked) {
        void (asked === 'all' ? loadAll() : loadNext());
        return;
      }
      const chosen = (options.many ? quickPick.selectedItems : quickPick.activeItems).filter((item) => !item.special);
      finish(chosen.map((item) => item.value as T));
    });
    quickPick.onDidHide(() => finish(undefined));
    quickPick.show();
    void loadNext();
  });
}
