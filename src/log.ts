import * as vscode from 'vscode';
import { formatRequestLine, logLine, type RequestLine, type UserIds } from './model/logFormat';

/**
 * The `KooDrive` log channel. Everything written goes through credential redaction and user-id
 * masking, so neither can leak through a message or an error's text.
 */
export class Log implements vscode.Disposable {
  private readonly channel: vscode.LogOutputChannel;

  /** `userId` must not throw: the log masks whatever it returns (every signed-in account's id). */
  constructor(private readonly userId: () => UserIds) {
    this.channel = vscode.window.createOutputChannel('KooDrive', { log: true });
  }

  private clean(text: string): string {
    return logLine(text, this.userId());
  }

  request(entry: RequestLine): void {
    const line = formatRequestLine(entry, this.userId());
    if (entry.outcome === 'error' || (entry.status !== undefined && entry.status >= 400)) {
      this.channel.warn(line);
    } else {
      this.channel.info(line);
    }
  }

  info(message: string): void {
    this.channel.info(this.clean(message));
  }

  warn(message: string): void {
    this.channel.warn(this.clean(message));
  }

  error(message: string, error?: unknown): void {
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : error === undefined ? '' : JSON.stringify(error);
    this.channel.error(this.clean(detail ? `${message}: ${detail}` : message));
  }

  show(): void {
    this.channel.show(true);
  }

  dispose(): void {
    this.channel.dispose();
  }
}
