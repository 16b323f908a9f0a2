import type * as vscode from 'vscode';
import type { Confirmation, FolderOptions, InputOptions, Question, PagedPickSource, PickItem, Prompter, ProgressOptions, ProgressReporter, Severity } from '../../src/ui/prompter';

/** One expected question and its answer. A question nobody scripted fails the test. */
export type Answer =
  | { input: string | undefined; prompt?: RegExp }
  | { confirm: boolean; message?: RegExp }
  | { pick: (labels: string[]) => string[] | undefined; loadPages?: number | 'all' }
  | { ask: string | undefined; message?: RegExp }
  | { folder: vscode.Uri | undefined };

export interface Notification {
  severity: Severity;
  message: string;
  actions: string[];
}

/**
 * A {@link Prompter} driven by a script, in the spirit of vscode-azuretools' TestUserInput:
 * inputs, confirmations and picks are answered in order; notifications are recorded and
 * answered by rules (an action to click when the text matches); progress runs inline and can
 * be cancelled by a rule.
 */
export class ScriptedPrompter implements Prompter {
  private readonly answers: Answer[] = [];
  readonly notifications: Notification[] = [];
  readonly documents: vscode.Uri[] = [];
  readonly asked: string[] = [];
  /** Every input box shown, as asked (its prefilled value, its prompt). */
  readonly inputs: InputOptions[] = [];
  readonly unexpected: string[] = [];
  readonly progressMessages: string[] = [];
  private readonly clicks: { match: RegExp; action: string }[] = [];
  private cancelWhen: ((message: string) => boolean) | undefined;
  private readonly waiters: { match: RegExp; resolve: (n: Notification) => void }[] = [];

  script(...answers: Answer[]): this {
    this.answers.push(...answers);
    return this;
  }

  /** Click `action` on the next notification whose text matches. */
  click(match: RegExp, action: string): this {
    this.clicks.push({ match, action });
    return this;
  }

  /** Cancel the running progress as soon as it reports a message matching `when`. */
  cancelProgressWhen(when: (message: string) => boolean): this {
    this.cancelWhen = when;
    return this;
  }

  get pending(): number {
    return this.answers.length;
  }

  /** Resolves with the first notification (already shown or to come) whose text matches. */
  waitForNotification(match: RegExp, timeoutMs = 20_000): Promise<Notification> {
    const seen = this.notifications.find((n) => match.test(n.message));
    if (seen) {
      return Promise.resolve(seen);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`No notification matching ${String(match)}; saw: ${JSON.stringify(this.notifications.map((n) => n.message))}`)), timeoutMs);
      this.waiters.push({ match, resolve: (n) => { clearTimeout(timer); resolve(n); } });
    });
  }

  private next<K extends 'input' | 'confirm' | 'pick' | 'ask' | 'folder'>(kind: K, question: string): Extract<Answer, Record<K, unknown>> | undefined {
    this.asked.push(`${kind}: ${question}`);
    const answer = this.answers[0];
    if (!answer || !(kind in answer)) {
      this.unexpected.push(`${kind}: ${question}`);
      return undefined;
    }
    this.answers.shift();
    return answer as Extract<Answer, Record<K, unknown>>;
  }

  input(options: InputOptions): Promise<string | undefined> {
    this.inputs.push(options);
    const answer = this.next('input', options.prompt);
    if (answer?.prompt && !answer.prompt.test(options.prompt)) {
      this.unexpected.push(`input prompt "${options.prompt}" does not match ${String(answer.prompt)}`);
    }
    const value = answer?.input;
    const problem = value === undefined ? undefined : options.validate?.(value);
    if (problem) {
      this.unexpected.push(`input "${options.prompt}" rejected the scripted value: ${problem}`);
      return Promise.resolve(undefined);
    }
    return Promise.resolve(value);
  }

  async pickPaged<T, C>(source: PagedPickSource<T, C>, options: { title: string; placeholder: string; many: boolean }): Promise<T[] | undefined> {
    const answer = this.next('pick', options.placeholder);
    if (!answer) {
      return undefined;
    }
    const items: PickItem<T>[] = [];
    let cursor: C | undefined;
    const controller = new AbortController();
    const first = await source.load(cursor, controller.signal);
    items.push(...first.items);
    cursor = first.next;
    if (answer.loadPages === 'all' && cursor !== undefined) {
      if (!source.loadAll) {
        this.unexpected.push(`pick "${options.placeholder}" offers no Load all`);
      } else {
        items.push(...(await source.loadAll(cursor, controller.signal, () => undefined)));
      }
    } else {
      for (let page = 1; page < (typeof answer.loadPages === 'number' ? answer.loadPages : 1) && cursor !== undefined; page++) {
        const loaded = await source.load(cursor, controller.signal);
        items.push(...loaded.items);
        cursor = loaded.next;
      }
    }
    const labels = answer.pick(items.map((item) => item.label));
    if (labels === undefined) {
      return undefined;
    }
    return items.filter((item) => labels.includes(item.label)).map((item) => item.value);
  }

  confirm(options: Confirmation): Promise<boolean> {
    const answer = this.next('confirm', `${options.message} ${options.detail ?? ''}`);
    if (answer?.message && !answer.message.test(`${options.message} ${options.detail ?? ''}`)) {
      this.unexpected.push(`confirm "${options.message}" does not match ${String(answer.message)}`);
      return Promise.resolve(false);
    }
    return Promise.resolve(answer?.confirm ?? false);
  }

  ask(question: Question): Promise<string | undefined> {
    const text = `${question.message} ${question.detail ?? ''}`;
    const answer = this.next('ask', `${text} [${question.buttons.join(' | ')}]`);
    if (answer?.message && !answer.message.test(text)) {
      this.unexpected.push(`ask "${question.message}" does not match ${String(answer.message)}`);
      return Promise.resolve(undefined);
    }
    if (answer?.ask !== undefined && !question.buttons.includes(answer.ask)) {
      this.unexpected.push(`ask "${question.message}" offers no "${answer.ask}"`);
      return Promise.resolve(undefined);
    }
    return Promise.resolve(answer?.ask);
  }

  /** The folder dialogs shown, as asked. */
  readonly folderDialogs: FolderOptions[] = [];

  chooseFolder(options: FolderOptions): Promise<vscode.Uri | undefined> {
    this.folderDialogs.push(options);
    return Promise.resolve(this.next('folder', options.title)?.folder);
  }

  notify(severity: Severity, message: string, ...actions: string[]): Promise<string | undefined> {
    const notification = { severity, message, actions };
    this.notifications.push(notification);
    for (const waiter of this.waiters.filter((w) => w.match.test(message))) {
      this.waiters.splice(this.waiters.indexOf(waiter), 1);
      waiter.resolve(notification);
    }
    const rule = this.clicks.find((click) => click.match.test(message) && actions.includes(click.action));
    if (rule) {
      this.clicks.splice(this.clicks.indexOf(rule), 1);
      return Promise.resolve(rule.action);
    }
    return Promise.resolve(undefined);
  }

  async progress<T>(title: string, task: (reporter: ProgressReporter, signal: AbortSignal) => Promise<T>, _options?: ProgressOptions): Promise<T> {
    const controller = new AbortController();
    this.progressMessages.push(title);
    if (this.cancelWhen?.(title)) {
      this.cancelWhen = undefined;
      controller.abort();
    }
    return task({
      report: (message) => {
        this.progressMessages.push(message);
        if (this.cancelWhen?.(message)) {
          this.cancelWhen = undefined;
          controller.abort();
        }
      },
    }, controller.signal);
  }

  /** How many times every open picker was closed (an account switch). */
  dismissed = 0;

  dismissAll(): void {
    this.dismissed += 1;
  }

  showDocument(uri: vscode.Uri): Promise<void> {
    this.documents.push(uri);
    return Promise.resolve();
  }
}
