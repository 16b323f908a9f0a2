import * as vscode from 'vscode';
import { parseEndpoint } from './api/endpoint';
import { SettingKey, SettingSection } from './constants';
import {
  type DeleteConfirmation,
  InvalidSettingError,
  readDeleteConfirmation,
  readLanguage,
  readPageSize,
  readTimeoutMs,
  readUserId,
} from './model/settingsRules';

const t = vscode.l10n.t;

/**
 * Typed, validated access to the `koodrive.*` settings. Each getter throws
 * {@link InvalidSettingError} (with a message that says what to do) for a value it cannot use:
 * a bad value is never silently replaced by a default.
 */
export class Config implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<SettingKey[]>();
  /** Fires with the `koodrive.*` keys that changed. */
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  /**
   * The values read since the last change: every request reads several settings (endpoint,
   * language, timeout, user id), and reading one from VS Code costs far more than the request's
   * own work when a filter makes thousands of lookups.
   */
  private readonly values = new Map<string, unknown>();

  constructor() {
    this.subscription = vscode.workspace.onDidChangeConfiguration((event) => {
      const keys = Object.values(SettingKey).filter((key) => event.affectsConfiguration(`${SettingSection}.${key}`));
      if (keys.length > 0) {
        this.values.clear();
        this.changed.fire(keys);
      }
    });
  }

  private cached<T>(key: string, read: () => T): T {
    if (!this.values.has(key)) {
      this.values.set(key, read());
    }
    return this.values.get(key) as T;
  }

  private section(): vscode.WorkspaceConfiguration {
    return vscode.workspace.getConfiguration(SettingSection);
  }

  /**
   * The user's value only: these settings are application-scoped, and a workspace must not
   * steer where the token goes (D13) nor weaken a safety check (a cloned repository could
   * otherwise downgrade the delete confirmation or set a one-second timeout).
   */
  private userValue<T>(key: SettingKey): T | undefined {
    return this.cached(`user:${key}`, () => {
      const inspected = this.section().inspect<T>(key);
      return inspected?.globalValue ?? inspected?.defaultValue;
    });
  }

  userId(): string | undefined {
    return readUserId(this.userValue<string>(SettingKey.userId), t);
  }

  /** The base URL, validated by the rules of D13. Throws when unset or unsafe. */
  endpoint(): string {
    const raw = this.userValue<string>(SettingKey.endpoint)?.trim() ?? '';
    if (raw === '') {
      throw new InvalidSettingError('koodrive.endpoint', t('Set koodrive.endpoint to the address of your KooDrive server (Sign In asks for it).'));
    }
    try {
      return parseEndpoint(raw).toString();
    } catch {
      throw new InvalidSettingError('koodrive.endpoint', t('The setting koodrive.endpoint must be an https:// address (http:// is allowed only for this computer, such as http://127.0.0.1:8080). Correct it in Settings.'));
    }
  }

  /** The endpoint if one is set and valid, else undefined; never throws. */
  endpointIfValid(): string | undefined {
    try {
      return this.endpoint();
    } catch {
      return undefined;
    }
  }

  language(): string {
    return readLanguage(this.userValue<string>(SettingKey.language), vscode.env.language, t);
  }

  /** The one setting a workspace may set: how many rows a page loads. */
  pageSize(): number {
    return readPageSize(this.cached(`any:${SettingKey.pageSize}`, () => this.section().get<number>(SettingKey.pageSize)), t);
  }

  deleteConfirmation(): DeleteConfirmation {
    return readDeleteConfirmation(this.userValue<string>(SettingKey.deleteConfirmation), t);
  }

  requestTimeoutMs(): number {
    return readTimeoutMs(this.userValue<number>(SettingKey.requestTimeoutSeconds), t);
  }

  /** Validates every setting; returns the first problem, if any. */
  problems(): InvalidSettingError[] {
    const checks = [() => this.userId(), () => this.language(), () => this.pageSize(), () => this.deleteConfirmation(), () => this.requestTimeoutMs()];
    const raw = this.userValue<string>(SettingKey.endpoint)?.trim();
    if (raw) {
      checks.push(() => this.endpoint());
    }
    const found: InvalidSettingError[] = [];
    for (const check of checks) {
      try {
        check();
      } catch (error) {
        if (error instanceof InvalidSettingError) {
          found.push(error);
        }
      }
    }
    return found;
  }

  async setUserId(userId: string): Promise<void> {
    await this.section().update(SettingKey.userId, userId, vscode.ConfigurationTarget.Global);
  }

  async setEndpoint(endpoint: string): Promise<void> {
    await this.section().update(SettingKey.endpoint, endpoint, vscode.ConfigurationTarget.Global);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
