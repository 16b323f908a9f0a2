import * as vscode from 'vscode';
import { pagedQuickPick } from './pagedQuickPick';
import type { Confirmation, FolderOptions, InputOptions, Question, PagedPickSource, ProgressOptions, Prompter, ProgressReporter, Severity } from './prompter';

/** The real prompts: VS Code's input boxes, quick picks, modal dialogs and notifications. */
export class VscodePrompter implements Prompter {
  private readonly open = new Set<vscode.QuickPick<vscode.QuickPickItem>>();

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
    return pagedQuickPick(source, options, (title, task) => this.progress(title, (reporter, signal) => task(reporter, signal), { quietMs: 500 }), (picker) => {
      this.open.add(picker);
      picker.onDidHide(() => this.open.delete(picker));
    });
  }

  async confirm(question: Confirmation): Promise<boolean> {
    const chosen = await vscode.window.showWarningMessage(question.message, { modal: true, detail: question.detail }, question.button);
    return chosen === question.button;
  }

  async ask(question: Question): Promise<string | undefined> {
    return vscode.window.showWarningMessage(question.message, { modal: true, detail: question.detail }, ...question.buttons);
  }

  async chooseFolder(options: FolderOptions): Promise<vscode.Uri | undefined> {
    const [folder] = (await vscode.window.showOpenDialog({ title: options.title, openLabel: options.openLabel, defaultUri: options.defaultUri, canSelectFolders: true, canSelectFiles: false, canSelectMany: false })) ?? [];
    return folder;
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

  dismissAll(): void {
    for (const picker of [...this.open]) {
      picker.hide();
    }
  }

  async showDocument(uri: vscode.Uri): Promise<void> {
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, { preview: true });
  }
}
