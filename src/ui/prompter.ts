import type * as vscode from 'vscode';
import type { Confirmation } from '../model/confirmation';

/**
 * Every question and message a command puts to the user goes through this interface, so that
 * integration tests can script the answers (a missing or unexpected prompt fails the test).
 */

export interface PickItem<T> {
  label: string;
  description?: string;
  detail?: string;
  value: T;
  picked?: boolean;
}

/** One page of items for a paged picker; `next` undefined means there is no more. */
export interface PickPage<T, C> {
  items: PickItem<T>[];
  next: C | undefined;
}

export interface PagedPickSource<T, C> {
  load(cursor: C | undefined, signal: AbortSignal): Promise<PickPage<T, C>>;
  /**
   * Everything from `cursor` to the end ("Load all", so Select All can take the whole listing);
   * `onProgress` gets the number of entries loaded so far. Sources without it offer no Load all.
   */
  loadAll?(cursor: C | undefined, signal: AbortSignal, onProgress: (loaded: number) => void): Promise<PickItem<T>[]>;
}

export interface InputOptions {
  title: string;
  prompt: string;
  placeholder?: string;
  value?: string;
  password?: boolean;
  /** Returns a message for an invalid value, undefined when it is fine. */
  validate?: (value: string) => string | undefined;
}

export type { Confirmation } from '../model/confirmation';

/** A modal question with several answers (buttons), besides dismissing it. */
export interface Question {
  message: string;
  detail?: string;
  buttons: string[];
}

/** The folder dialog: its title, the label of its button, and where it opens. */
export interface FolderOptions {
  title: string;
  openLabel: string;
  defaultUri?: vscode.Uri;
}

export type Severity = 'info' | 'warning' | 'error';

export interface ProgressOptions {
  /** Show nothing for a task that ends within this many milliseconds. */
  quietMs?: number;
}

export interface ProgressReporter {
  report(message: string, increment?: number): void;
}

export interface Prompter {
  input(options: InputOptions): Promise<string | undefined>;
  /** A quick pick that loads a page at a time ("Load more…"), single or multiple choice. */
  pickPaged<T, C>(source: PagedPickSource<T, C>, options: { title: string; placeholder: string; many: boolean }): Promise<T[] | undefined>;
  /** A modal question; true only when its button was chosen. */
  confirm(question: Confirmation): Promise<boolean>;
  /** A modal question with several answers; the one chosen, or undefined when dismissed. */
  ask(question: Question): Promise<string | undefined>;
  /** VS Code's folder dialog (folders only); the folder chosen, or undefined when dismissed. */
  chooseFolder(options: FolderOptions): Promise<vscode.Uri | undefined>;
  /** A notification; resolves with the chosen action, or undefined when dismissed. */
  notify(severity: Severity, message: string, ...actions: string[]): Promise<string | undefined>;
  /**
   * A cancellable progress notification; the signal aborts when the user cancels. With
   * `quietMs`, the notification appears only if the task is still running after that long.
   */
  progress<T>(title: string, task: (reporter: ProgressReporter, signal: AbortSignal) => Promise<T>, options?: ProgressOptions): Promise<T>;
  /** Opens a read-only document. */
  showDocument(uri: vscode.Uri): Promise<void>;
  /** Closes every picker still open (another account became active: they offer the last one's rows). */
  dismissAll(): void;
}
