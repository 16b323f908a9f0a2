import * as vscode from 'vscode';

/** Closes every editor tab showing a document of `scheme` (a text document or a custom editor such as the image preview). */
export async function closeTabsOf(scheme: string): Promise<void> {
  const tabs = vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => {
    const input = tab.input;
    const uri = input instanceof vscode.TabInputText || input instanceof vscode.TabInputCustom ? input.uri : undefined;
    return uri?.scheme === scheme;
  });
  if (tabs.length > 0) {
    await vscode.window.tabGroups.close(tabs, true);
  }
}
