import * as vscode from 'vscode';
import { DetailsScheme } from '../constants';

/**
 * Read-only documents (Show Details, failure reports) served from memory under their own scheme;
 * VS Code opens content-provider documents read-only.
 */
export class DetailsDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly documents = new Map<string, string>();
  private counter = 0;
  private readonly registration: vscode.Disposable;

  constructor() {
    this.registration = vscode.workspace.registerTextDocumentContentProvider(DetailsScheme, this);
  }

  /** Stores `content` and returns the URI that shows it; `.json` names get JSON colouring. */
  add(title: string, content: string, extension = 'json'): vscode.Uri {
    this.counter += 1;
    const safe = title.replace(/[\\/:*?"<>|#?%]+/g, '_').slice(0, 60) || 'details';
    const uri = vscode.Uri.from({ scheme: DetailsScheme, path: `/${this.counter}/${safe}.${extension}` });
    this.documents.set(uri.toString(), content);
    return uri;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.documents.get(uri.toString()) ?? '';
  }

  dispose(): void {
    this.registration.dispose();
    this.documents.clear();
  }
}
