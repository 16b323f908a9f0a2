import * as vscode from 'vscode';
import { errorReason } from '../model/errorText';
import type { ConfirmOptions, InputOptions, PagedPickSource, ProgressOptions, Prompter, ProgressReporter, Severity } from './prompter';

const t = vscode.l10n.t;

type Entry<T> = vscode.QuickPickItem & { value?: T; more?: true };

/** The real prompts: VS Code's input boxes, quick picks, modal dialogs and notifications. */
export class VscodePrompter implements Prompter {
  async input(options: InputOptions): Promise<string | undefined> {
    return vscode.window.showInputBox({
      title: options.title,
      prompt: options.prompt,
      placeHolder: options.placeholder,
      value: options.value,
      password: options.password ?? false,
      ignoreFocusOut: true,
      validateInput: options.validate ? (value) => options.validate?.(value) : undefined,
    });
  }

  pickPaged<T, C>(source: PagedPickSource<T, C>, options: { title: string; placeholder: string; many: boolean }): Promise<T[] | undefined> {
    const quickPick = vscode.window.createQuickPick<Entry<T>>();
    quickPick.title = options.title;
    quickPick.placeholder = options.placeholder;
    quickPick.canSelectMany = options.many;
    quickPick.ignoreFocusOut = true;
    quickPick.matchOnDescription = true;
    const controller = new AbortController();
    const moreEntry: Entry<T> = { label: `$(ellipsis) ${t('Load more…')}`, more: true, alwaysShow: true };
    let loaded: Entry<T>[] = [];
    let cursor: C | undefined;
    let hasMore = true;
    let loading = false;

    const render = (): void => {
      const selected = quickPick.selectedItems.filter((item) => !item.more);
      quickPick.items = hasMore ? [...loaded, moreEntry] : loaded;
      if (options.many) {
        quickPick.selectedItems = selected;
      }
    };
    const loadNext = async (): Promise<void> => {
      if (loading || !hasMore) {
        return;
      }
      loading = true;
      quickPick.busy = true;
      try {
        const page = await source.load(cursor, controller.signal);
        loaded = [...loaded, ...page.items.map((item) => ({ label: item.label, description: item.description, detail: item.detail, value: item.value, picked: item.picked }))];
        cursor = page.next;
        hasMore = page.next !== undefined;
        render();
      } catch (error) {
        quickPick.placeholder = t('Could not load: {0}', errorReason(error, t));
        hasMore = false;
        render();
      } finally {
        loading = false;
        quickPick.busy = false;
      }
    };

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
      quickPick.onDidChangeSelection((selection) => {
        if (selection.some((item) => item.more)) {
          void loadNext();
          if (options.many) {
            quickPick.selectedItems = selection.filter((item) => !item.more);
          }
        }
      });
      quickPick.onDidAccept(() => {
        if (loading) {
          return;
        }
        const chosen = (options.many ? quickPick.selectedItems : quickPick.activeItems).filter((item) => !item.more);
        if (!options.many && quickPick.activeItems.some((item) => item.more)) {
          void loadNext();
          return;
        }
        finish(chosen.map((item) => item.value as T));
      });
      quickPick.onDidHide(() => finish(undefined));
      quickPick.show();
      void loadNext();
    });
  }

  async confirm(options: ConfirmOptions): Promise<boolean> {
    const chosen = await vscode.window.showWarningMessage(options.message, { modal: true, detail: options.detail }, options.confirmLabel);
    return chosen === options.confirmLabel;
  }

  async notify(severity: Severity, message: string, ...actions: string[]): Promise<string | undefined> {
    switch (severity) {
      case 'error':
        return vscode.window.showErrorMessage(message, ...actions);
      case 'warning':
        return vscode.window.showWarningMessage(message, ...actions);
      default:
        return vscode.window.showInformationMessage(message, ...actions);
    }
  }

  async progress<T>(title: string, task: (reporter: ProgressReporter, signal: AbortSignal) => Promise<T>, options: ProgressOptions = {}): Promise<T> {
    const controller = new AbortController();
    let shown: vscode.Progress<{ message?: string; increment?: number }> | undefined;
    let last: { message?: string; increment?: number } | undefined;
    const running = task({
      report: (message, increment) => {
        last = { message, increment };
        shown?.report(last);
      },
    }, controller.signal);
    if (options.quietMs !== undefined && options.quietMs > 0) {
      const finishedQuietly = await Promise.race([
        running.then(() => true, () => true),
        new Promise<false>((resolve) => setTimeout(() => resolve(false), options.quietMs)),
      ]);
      if (finishedQuietly) {
        return running;
      }
    }
    return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
      shown = progress;
      if (last) {
        progress.report(last);
      }
      const subscription = token.onCancellationRequested(() => controller.abort());
      try {
        return await running;
      } finally {
        subscription.dispose();
      }
    });
  }

  async showDocument(uri: vscode.Uri): Promise<void> {
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, { preview: true });
  }
}
