import * as assert from 'assert';
import {
    answer,
    chooseImageOnlyPools,
    contextMenu,
    openAksView,
    runFromPalette,
    toast,
    treeRow,
    useWorkbench,
    waitForQuestion,
    Workbench,
} from './workbench';

/**
 * A roll-out clicked in the real workbench, on the seed built for it: choose pools, read the plan, start, confirm the next wave, read the
 * result.
 */
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

    it('the pool picker: typing a cluster name finds its pools, the others wait behind one row, and Enter takes exactly what is ticked', async () => {
        const { page } = workbench;
        await contextMenu(page, 'snap-roll-2611', 'Roll Out Snapshot…');
        const widget = await waitForQuestion(page, /Node pools to roll snapshot "snap-roll-2611" out to/);
        assert.match(await widget.innerText(), /Show 3 that cannot take it/);
        assert.doesNotMatch(await widget.innerText(), /not possible/);
        const input = widget.locator('input').first();
        await input.fill('aks-roll-b');
        await page.waitForTimeout(300);
        const rows = widget.locator('.quick-input-list .monaco-list-row');
        const labels = await rows.locator('.label-name').allInnerTexts();
        assert.deepStrictEqual(
            labels.map((l) => l.trim()),
            ['b1', 'b2', 'b3'],
            'the cluster name finds its pools',
        );
        await rows.nth(0).click();
        await rows.nth(2).click();
        await input.press('Enter');
        const confirm = page.locator('.monaco-dialog-box', { hasText: /Roll out snapshot "snap-roll-2611" to 2 node pools in 2 waves\?/ });
        await confirm.waitFor();
        await page.keyboard.press('Escape');
        await confirm.waitFor({ state: 'detached' });
        assert.deepStrictEqual(
            workbench.emulator.requests.filter((r) => r.method !== 'GET'),
            [],
        );
    });

    it("Change Settings…: Esc in a setting's question goes back to the settings, Esc there to the plan, every value kept; nothing is sent", async () => {
        const { page } = workbench;
        await chooseImageOnlyPools(page, 3);
        const confirm = page.locator('.monaco-dialog-box', { hasText: /Roll out snapshot "snap-roll-2611" to 8 node pools in 3 waves\?/ });
        await confirm.getByRole('button', { name: 'Change Settings…', exact: true }).click();
        await answer(page, /Roll-out settings/, 'Wave size');
        await answer(page, /Pools in each later wave/, '2');
        await answer(page, /Roll-out settings/, 'Between waves');
        await waitForQuestion(page, /Ask, showing the results so far/);
        await page.keyboard.press('Escape');
        const back = await waitForQuestion(page, /Roll-out settings/);
        const settingsText = await back.innerText();
        assert.match(settingsText, /Wave size\s*2\b/, `Esc in "Between waves" lost the wave size: ${settingsText}`);
        await page.keyboard.press('Escape');
        // Canary 1, then waves of 2 for the other 7: 5 waves.
        const again = page.locator('.monaco-dialog-box', { hasText: /Roll out snapshot "snap-roll-2611" to 8 node pools in 5 waves\?/ });
        await again.waitFor();
        await page.keyboard.press('Escape');
        await again.waitFor({ state: 'detached' });
        assert.deepStrictEqual(
            workbench.emulator.requests.filter((r) => r.method !== 'GET'),
            [],
        );
    });

    it('right-click a snapshot → Roll Out Snapshot…: picks the image-only pools, reads the plan, runs three waves, and reads the summary', async () => {
        const { page } = workbench;
        await chooseImageOnlyPools(page, 3);

        const confirm = page.locator('.monaco-dialog-box', { hasText: /Roll out snapshot "snap-roll-2611" to 8 node pools in 3 waves\?/ });
        await confirm.waitFor();
        await page
            .locator('.monaco-editor', { hasText: /Wave\s1\s\(canary\)/ })
            .first()
            .waitFor();
        await workbench.screenshot('rollout-plan');
        await confirm.getByRole('button', { name: 'Start Roll-out', exact: true }).click();

        // A canary of one, then waves of five: the person confirms each next wave, seeing the results so far.
        for (const [wave, done] of [
            [1, 1],
            [2, 6],
        ]) {
            const between = page.locator('.monaco-dialog-box', {
                hasText: new RegExp(`Wave ${wave} of 3 is over: ${done} done, 0 failed, 0 skipped`),
            });
            await between.waitFor({ timeout: 60_000 });
            // Plain text in the dialog (the Markdown stays in the plan document), each done pool with its versions.
            const text = await between.innerText();
            assert.doesNotMatch(text, /^#|\n#|\*\*/, `Markdown in the dialog: ${text}`);
            assert.match(text, /AKSUbuntu-2204gen2containerd-202610\.20\.0 → AKSUbuntu-2204gen2containerd-202611\.03\.0/);
            await between.getByRole('button', { name: 'Start Next Wave', exact: true }).click();
        }
        await toast(
            page,
            /Roll-out of snapshot "snap-roll-2611": 8 done, 0 failed, 0 skipped, 0 still running in Azure, 0 not started/,
        ).waitFor({ timeout: 90_000 });
        await page
            .locator('.monaco-editor', { hasText: /finished:\s8\sdone/ })
            .first()
            .waitFor();
        await workbench.screenshot('rollout-summary');
        const upgrades = workbench.emulator.requests.filter((r) => r.method === 'POST' && /upgradeNodeImageVersion/.test(r.url));
        assert.strictEqual(upgrades.length, 8, 'each chosen pool upgraded once');
    });

    it('survives a real window reload mid-roll-out: on start it offers to resume, and Resume finishes it with no pool upgraded twice', async () => {
        const { page } = workbench;
        workbench.emulator.reset();
        await page
            .getByRole('button', { name: /^Refresh/ })
            .first()
            .click();
        await page.waitForTimeout(500);
        if (!(await treeRow(page, 'snap-roll-2611').isVisible())) {
            await treeRow(page, 'Snapshots').first().click();
        }
        await chooseImageOnlyPools(page, 3);
        await page
            .locator('.monaco-dialog-box', { hasText: /Roll out snapshot "snap-roll-2611"/ })
            .getByRole('button', { name: 'Start Roll-out', exact: true })
            .click();
        await page.locator('.monaco-dialog-box', { hasText: /Wave 1 of 3 is over/ }).waitFor({ timeout: 60_000 });

        // The window reloads while the person reads the canary's result: the extension host starts again.
        await page.reload();
        await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
        // The window comes back with the view as it was, which starts the extension again.
        // The offer comes as the extension starts; VS Code may keep a notification of a starting window in its list rather than as a toast.
        const text = /The roll-out of snapshot "snap-roll-2611" did not finish: 1 done, 0 failed, 7 to go/;
        let offer = toast(page, text);
        if (
            !(await offer.waitFor({ timeout: 15_000 }).then(
                () => true,
                () => false,
            ))
        ) {
            await runFromPalette(page, 'Notifications: Show Notifications');
            offer = page.locator('.notifications-center .notification-list-item', { hasText: text });
            await offer.waitFor({ timeout: 30_000 });
        }
        await workbench.screenshot('rollout-resume');
        await offer.getByRole('button', { name: 'Resume', exact: true }).click();
        // It resumes where the reload interrupted it: at the question after the canary, then the next wave.
        for (const [wave, done] of [
            [1, 1],
            [2, 6],
        ]) {
            const between = page.locator('.monaco-dialog-box', { hasText: new RegExp(`Wave ${wave} of 3 is over: ${done} done`) });
            await between.waitFor({ timeout: 60_000 });
            // Plain text in the dialog (the Markdown stays in the plan document), each done pool with its versions.
            const text = await between.innerText();
            assert.doesNotMatch(text, /^#|\n#|\*\*/, `Markdown in the dialog: ${text}`);
            assert.match(text, /AKSUbuntu-2204gen2containerd-202610\.20\.0 → AKSUbuntu-2204gen2containerd-202611\.03\.0/);
            await between.getByRole('button', { name: 'Start Next Wave', exact: true }).click();
        }
        await toast(page, /Roll-out of snapshot "snap-roll-2611": 8 done, 0 failed/).waitFor({ timeout: 90_000 });
        const upgraded = workbench.emulator.requests
            .filter((r) => r.method === 'POST' && /upgradeNodeImageVersion/.test(r.url))
            .map((r) => /agentPools\/([^/]+)/.exec(r.url)![1]);
        assert.deepStrictEqual(
            upgraded.sort(),
            ['a1', 'a2', 'a3', 'a4', 'b3', 'c1', 'c2', 'c3'],
            'each pool upgraded exactly once across the reload',
        );
    });
});
