import * as vscode from 'vscode';
import { DetailsScheme } from '../constants';
import { closeTabsOf } from './tabs';

/** Documents kept for their editors: the most recent ones, up to this many characters in all. */
const KEEP_CHARACTERS = 32 * 2 ** 20;
/** …and at most this many. */
const KEEP_DOCUMENTS = 200;

/**
 * Read-only documents (Show Details, reports) served from memory under their own scheme; VS Code
 * opens content-provider documents read-only. A document's text is dropped when its editor closes,
 * and the oldest go first beyond a budget; one no longer held (or of a session since ended) reads
 * as a line saying so.
 */
export class DetailsDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly documents = new Map<string, string>();
  private characters = 0;
  private counter = 0;
  private readonly changes = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changes.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor() {
    this.subscriptions = [
      vscode.workspace.registerTextDocumentContentProvider(DetailsScheme, this),
      vscode.workspace.onDidCloseTextDocument((document) => this.drop(document.uri.toString())),
    ];
  }

  /** Stores `content` and returns the URI that shows it; `.json` names get JSON colouring, `.txt` none. */
  add(title: string, content: string, extension: 'json' | 'txt' = 'json'): vscode.Uri {
    this.counter += 1;
    const safe = title.replace(/[\\/:*?"<>|#?%]+/g, '_').slice(0, 60) || 'details';
    const uri = vscode.Uri.from({ scheme: DetailsScheme, path: `/${this.counter}/${safe}.${extension}` });
    this.documents.set(uri.toString(), content);
    this.characters += content.length;
    for (const key of this.documents.keys()) {
      if ((this.characters <= KEEP_CHARACTERS && this.documents.size <= KEEP_DOCUMENTS) || key === uri.toString()) {
        break;
      }
      this.drop(key);
    }
    return uri;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.documents.get(uri.toString()) ?? vscode.l10n.t('This KooDrive page is no longer available: it was closed, or belonged to a session that has ended. Open it again from the tree.');
  }

  /** Forgets every page (the account changed) and closes their tabs; one read again says it is no longer available. */
  async clear(): Promise<void> {
    const open = [...this.documents.keys()];
    this.documents.clear();
    this.characters = 0;
    for (const key of open) {
      this.changes.fire(vscode.Uri.parse(key));
    }
    await closeTabsOf(DetailsScheme);
  }

  /** How many pages are held (for tests). */
  get size(): number {
    return this.documents.size;
  }

  private drop(key: string): void {
    const text = this.documents.get(key);
    if (text !== undefined) {
      this.characters -= text.length;
      this.documents.delete(key);
    }
  }

  dispose(): void {
    for (const subscription of this.subscriptions) {
      subscription.dispose();
    }
    this.changes.dispose();
    this.documents.clear();
  }
}
