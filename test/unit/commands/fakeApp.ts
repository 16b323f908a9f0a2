import type { App } from '../../../src/app';
import type { Account } from '../../../src/model/accounts';
import { formatEnglish } from '../../../src/model/localize';
import type { Confirmation, InputOptions, PagedPickSource, ProgressReporter, Prompter, Severity } from '../../../src/ui/prompter';

/** What the fake app recorded: questions asked, messages shown, documents opened, log lines. */
export interface Record {
  confirms: Confirmation[];
  inputs: InputOptions[];
  notes: { severity: Severity; message: string; actions: string[] }[];
  documents: { title: string; text: string; extension: string }[];
  progress: string[];
  log: string[];
  busy: string[];
  asked: string[];
}

/** Answers a scripted test gives: confirmation, typed text, the action clicked on a notification. */
export interface Answers {
  confirm?: boolean[];
  ask?: (string | undefined)[];
  input?: (string | undefined)[];
  click?: (message: string, actions: string[]) => string | undefined;
  deleteConfirmation?: 'modal' | 'typeName';
  /** Whether the user signs in again when asked (SessionRecovery). */
  signInAgain?: boolean[];
  /** The account the app works as (and the active one, until a test switches it with `switchTo`). */
  account?: Account;
}

/**
 * A small App for plain-Node tests of the shared command pieces: a scripted prompter (a question
 * nobody scripted answers "no" and is recorded), English wording, trees that hold exactly the
 * rows `held` lists, background work awaited by {@link settle}.
 */
export function fakeApp(answers: Answers = {}, held: object[] = []): { app: App; record: Record; settle: () => Promise<void>; switchTo: (account: Account | undefined) => void } {
  const record: Record = { confirms: [], inputs: [], notes: [], documents: [], progress: [], log: [], busy: [], asked: [] };
  const running: Promise<void>[] = [];
  const prompter: Prompter = {
    input: (options) => {
      record.inputs.push(options);
      return Promise.resolve(answers.input?.shift());
    },
    pickPaged: <T, C>(_source: PagedPickSource<T, C>) => Promise.resolve(undefined as T[] | undefined),
    ask: (question) => {
      record.asked.push(question.message);
      return Promise.resolve(answers.ask?.shift());
    },
    chooseFolder: () => Promise.resolve(undefined),
    confirm: (question) => {
      record.confirms.push(question);
      return Promise.resolve(answers.confirm?.shift() ?? false);
    },
    notify: (severity, message, ...actions) => {
      record.notes.push({ severity, message, actions });
      return Promise.resolve(answers.click?.(message, actions));
    },
    progress: <T>(title: string, task: (reporter: ProgressReporter, signal: AbortSignal) => Promise<T>) => {
      record.progress.push(title);
      return task({ report: (message) => record.progress.push(message) }, new AbortController().signal);
    },
    showDocument: () => Promise.resolve(),
    dismissAll: () => undefined,
  };
  const tree = {
    resolve: (value: unknown) => (held.includes(value as object) ? value : undefined),
    withBusy: async <T>(rows: { title: string }[], label: string, work: () => Promise<T>) => {
      record.busy.push(...rows.map((row) => `${row.title}: ${label}`));
      return work();
    },
  };
  const active: { account: Account | undefined } = { account: answers.account };
  const app = {
    account: answers.account,
    accounts: { active: () => active.account },
    t: formatEnglish,
    locale: () => 'en',
    prompter,
    albums: tree,
    sharedFolders: tree,
    albumsView: { selection: held },
    sharedFoldersView: { selection: held },
    config: { deleteConfirmation: () => answers.deleteConfirmation ?? 'modal', userId: () => '1644817543959100032' },
    log: { info: (line: string) => record.log.push(line), warn: (line: string) => record.log.push(line), show: () => undefined },
    details: {
      add: (title: string, text: string, extension = 'json') => {
        record.documents.push({ title, text, extension });
        return `koodrive-details:/${record.documents.length}`;
      },
    },
    background: { run: (_title: string, work: () => Promise<void>) => void running.push(work()) },
    recovery: {
      recover: () => Promise.resolve(answers.signInAgain?.shift() ?? false),
      call: <T>(call: () => Promise<T>) => call(),
    },
  } as unknown as App;
  const settle = async (): Promise<void> => {
    while (running.length > 0) {
      await running.shift();
    }
  };
  /** Another account becomes the active one (as a switch in the Accounts menu would). */
  const switchTo = (account: Account | undefined): void => {
    active.account = account;
  };
  return { app, record, settle, switchTo };
}
