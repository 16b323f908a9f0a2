/**
 * The shape of `vscode.l10n.t`, so that modules without a `vscode` import (and their unit
 * tests) can produce user-visible text. Placeholders are `{0}`, `{1}`, …
 */
export type Localize = (message: string, ...args: (string | number | boolean)[]) => string;

/** English formatter with `vscode.l10n.t`'s placeholder rules, for unit tests and fallbacks. */
export const formatEnglish: Localize = (message, ...args) =>
  message.replace(/\{(\d+)\}/g, (whole, index: string) => {
    const value = args[Number(index)];
    return value === undefined ? whole : String(value);
  });
