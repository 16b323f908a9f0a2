import * as assert from 'node:assert/strict';
import { e2e } from './context';
import { openViewContainer, view } from './workbench';

describe('The KooDrive view container', () => {
  it('is in the activity bar and opens with the Albums and Shared Folders views', async () => {
    const { page } = e2e();
    const icon = page.locator('.part.activitybar [aria-label^="KooDrive"]').first();
    await icon.waitFor({ timeout: 60_000 });
    assert.equal(await icon.isVisible(), true, 'the KooDrive icon is shown in the activity bar');
    await openViewContainer(page, 'KooDrive');
    for (const title of ['Albums', 'Shared Folders']) {
      await view(page, title).locator('.pane-header').waitFor();
    }
    const headers = (await page.locator('.part.sidebar .pane-header h3.title').allInnerTexts()).map((text) => text.trim().toLowerCase());
    assert.deepEqual(headers, ['albums', 'shared folders']);
  });
});
