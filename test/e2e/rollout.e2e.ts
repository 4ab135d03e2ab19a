import * as assert from 'assert';
import { contextMenu, openAksView, toast, treeRow, useWorkbench, waitForQuestion, Workbench } from './workbench';

/** A roll-out clicked in the real workbench, on the seed built for it: choose pools, read the plan, start, confirm the next wave, read the result. */
describe('A person rolling a snapshot out to a fleet', () => {
    const current = useWorkbench({ seed: 'rollout' }, async (w) => {
        await openAksView(w.page);
        await treeRow(w.page, 'Contoso Fleet East').click();
        await treeRow(w.page, 'Snapshots').first().click();
        await treeRow(w.page, 'snap-roll-2611').waitFor();
    });
    let workbench: Workbench;

    beforeEach(() => {
        workbench = current();
    });

    it('right-click a snapshot → Roll Out Snapshot…: picks the image-only pools, reads the plan, runs three waves, and reads the summary', async () => {
        const { page } = workbench;
        await contextMenu(page, 'snap-roll-2611', 'Roll Out Snapshot…');
        const widget = await waitForQuestion(page, /Node pools to roll snapshot "snap-roll-2611" out to/);
        assert.match(await widget.innerText(), /not possible: .*\(R1\)/);
        await widget.locator('input').first().fill('node image only');
        await page.waitForTimeout(300);
        await widget.getByRole('checkbox', { name: /toggle all/i }).first().click();
        await widget.locator('input').first().press('Enter');

        const confirm = page.locator('.monaco-dialog-box', { hasText: /Roll out snapshot "snap-roll-2611" to 8 node pools in 3 waves\?/ });
        await confirm.waitFor();
        await page.locator('.monaco-editor', { hasText: /Wave\s1\s\(canary\)/ }).first().waitFor();
        await workbench.screenshot('rollout-plan');
        await confirm.getByRole('button', { name: 'Start Roll-out', exact: true }).click();

        // A canary of one, then waves of five: the person confirms each next wave, seeing the results so far.
        for (const [wave, done] of [[1, 1], [2, 6]]) {
            const between = page.locator('.monaco-dialog-box', { hasText: new RegExp(`Wave ${wave} of 3 is over: ${done} done, 0 failed, 0 skipped`) });
            await between.waitFor({ timeout: 60_000 });
            await between.getByRole('button', { name: 'Start Next Wave', exact: true }).click();
        }
        await toast(page, /Roll-out of snapshot "snap-roll-2611": 8 done, 0 failed, 0 skipped, 0 still running in Azure, 0 not started/).waitFor({ timeout: 90_000 });
        await page.locator('.monaco-editor', { hasText: /finished:\s8\sdone/ }).first().waitFor();
        await workbench.screenshot('rollout-summary');
        const upgrades = workbench.emulator.requests.filter((r) => r.method === 'POST' && /upgradeNodeImageVersion/.test(r.url));
        assert.strictEqual(upgrades.length, 8, 'each chosen pool upgraded once');
    });
});
