import type { App } from '../../app';
import type { Confirmation } from '../../model/confirmation';

/** What a deletion asks before anything is sent. */
export interface DeletionQuestion {
  /** The command's name (the title of the name box). */
  title: string;
  /** The thing's name, inert (D18): what `typeName` asks the user to type. */
  name: string;
  /** The progress title while counting (shown only if counting takes a second). */
  counting: string;
  /** How many items or members are at stake; undefined when unknown, 'cancelled' when the user stopped it. */
  count(signal: AbortSignal): Promise<number | undefined | 'cancelled'>;
  /** The one modal question, given the count. */
  confirmation(count: number | undefined): Confirmation;
  /** The prompt of the name box (with `koodrive.deleteConfirmation` set to `typeName`). */
  typePrompt: string;
}

/**
 * The delete flow of albums and shared folders: count what is at stake (cancellable), one modal
 * question that names it and the count, and with `typeName` the name typed exactly.
 * @returns true only when the user confirmed every step.
 */
export async function confirmDeletion(app: App, question: DeletionQuestion): Promise<boolean> {
  const count = await app.prompter.progress(question.counting, (_reporter, signal) => question.count(signal), { quietMs: 1000 });
  if (count === 'cancelled' || !(await app.prompter.confirm(question.confirmation(count)))) {
    return false;
  }
  if (app.config.deleteConfirmation() !== 'typeName') {
    return true;
  }
  const typed = await app.prompter.input({
    title: question.title,
    prompt: question.typePrompt,
    validate: (value) => (value === question.name ? undefined : app.t('Type “{0}” exactly to confirm.', question.name)),
  });
  return typed === question.name;
}
