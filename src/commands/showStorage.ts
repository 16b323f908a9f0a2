import * as vscode from 'vscode';
import { maskField } from '../model/mask';
import type { App } from '../app';

const t = vscode.l10n.t;

/** Show Storage: the user's storage read afresh (GetSpace, GetSpaceUsageByUser), with the raw answers on request. */
export async function showStorageCommand(app: App): Promise<void> {
  const reading = await app.prompter.progress(t('Reading your KooDrive storage…'), (_reporter, signal) => app.recovery.call(() => app.quota.read(signal)), { quietMs: 500 });
  const details = t('Show Details');
  const message = reading.summary ? t('Your KooDrive storage: {0}.', reading.summary) : t('KooDrive did not say how much storage you have or use.');
  app.background.run(t('Show Storage'), async () => {
    if ((await app.prompter.notify('info', message, details)) === details) {
      const raw = { GetSpace: reading.space, GetSpaceUsageByUser: reading.usage ?? null };
      await app.prompter.showDocument(app.details.add(t('Storage'), JSON.stringify(raw, (key, value: unknown) => maskField(key, value), 2)));
    }
  });
}
