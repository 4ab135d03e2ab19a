import * as assert from 'assert';
import type { Page } from 'playwright-core';
import {
    answer,
    contextMenu,
    openPlatformTree,
    runFromPalette,
    startClean,
    toast,
    useWorkbench,
    waitForQuestion,
    Workbench,
} from './workbench';

const dialog = (page: Page) => page.locator('.monaco-dialog-box');
const statusBar = (page: Page, text: RegExp) => page.locator('.part.statusbar', { hasText: text });

/** The walkthrough's step titled `title`, on the Welcome page. */
const walkthroughStep = (page: Page, title: string) => page.locator('.getting-started-step', { hasText: title }).first();

/** Whether the Welcome page shows the step as done (VS Code's checked icon). */
async function isStepDone(page: Page, title: string): Promise<boolean> {
    return walkthroughStep(page, title)
        .locator('.codicon-getting-started-step-checked')
        .count()
        .then((n) => n > 0);
}

/**
 * A person new to the product, on the demo: choices that cannot apply say why before the choice, fields checked as typed in plain words,
 * each change on record, the walkthrough true.
 */
describe("A person's first hour", function () {
    this.timeout(180_000);
    const current = useWorkbench({}, (w) => openPlatformTree(w.page));
    let workbench: Workbench;

    beforeEach(async () => {
        workbench = current();
        await startClean(workbench);
    });

    it('Create Snapshot: the group that already has the name is marked with its reason before the choice; choosing it says why; Esc says nothing was sent', async () => {
        const { page } = workbench;
        await contextMenu(page, 'gpu', 'Create Snapshot…');
        await answer(page, /Snapshot name/, 'snap-gpu-2611');
        const groups = await waitForQuestion(page, /Resource group for the snapshot/);
        const taken = groups.locator('.quick-input-list .monaco-list-row', { hasText: 'rg-snapshots' }).first();
        assert.match(await taken.innerText(), /Snapshot name "snap-gpu-2611" is already used in resource group "rg-snapshots"/);
        assert.doesNotMatch(await groups.innerText(), /\(R\d+\)/, 'rule codes stay out of what a person reads while choosing');
        await taken.click();
        await waitForQuestion(page, /"rg-snapshots" cannot be used: its reason is under it/);
        await page.keyboard.press('Escape');
        await statusBar(page, /Create a snapshot of node pool "gpu" \(aks-prod-eastus\): cancelled; nothing was sent\./).waitFor({
            timeout: 5000,
        });
        assert.deepStrictEqual(
            workbench.emulator.requests.filter((r) => r.method !== 'GET'),
            [],
        );
    });

    it("Add Node Pool → Advanced Options: a label's value and the autoscaler's range against the node count are refused as typed, in the portal's words", async () => {
        const { page } = workbench;
        await contextMenu(page, 'snap-system-2611', 'Add Node Pool…');
        await answer(page, /Cluster to add the pool to/, 'aks-prod-eastus');
        await answer(page, /Node pool name/, 'words');
        await answer(page, /Mode of the new pool/, 'User');
        await answer(page, /VM size/, 'Standard_D4s_v5');
        await answer(page, /Node count/, '2');
        const summary = dialog(page).filter({ hasText: /Add node pool "words" to "aks-prod-eastus"/ });
        await summary.getByRole('button', { name: 'Advanced Options…' }).click();
        const list = /Advanced options for node pool "words"/;
        await answer(page, list, 'Node labels');
        const labels = await waitForQuestion(page, /Kubernetes labels for the nodes/);
        await labels.locator('input').first().fill('team=web, Env=Prod!');
        await labels
            .locator('.quick-input-message', { hasText: /Label value "Prod!" \(of key "Env"\) is invalid: empty, or at most 63 letters/ })
            .waitFor();
        await labels.locator('input').first().fill('team=web');
        await labels.locator('input').first().press('Enter');
        await answer(page, list, 'Cluster autoscaler');
        const range = await waitForQuestion(page, /Let the cluster autoscaler/);
        await range.locator('input').first().fill('3-5');
        const message = range.locator('.quick-input-message', { hasText: /Node count "2" is outside the autoscaler's range/ });
        await message.waitFor();
        const said = await message.innerText();
        assert.doesNotMatch(said, /minCount|maxCount|^count "/m, `API field names stay out of the message: ${said}`);
        await page.keyboard.press('Escape');
        await waitForQuestion(page, list);
        await page.keyboard.press('Escape');
        await summary.waitFor();
        await page.keyboard.press('Escape');
        await statusBar(page, /Add a node pool from a snapshot: cancelled; nothing was sent\./).waitFor({ timeout: 5000 });
        assert.deepStrictEqual(
            workbench.emulator.requests.filter((r) => r.method !== 'GET'),
            [],
        );
    });

    it('Edit Tags: the change ends with its az line and Copy az command', async () => {
        const { page } = workbench;
        await contextMenu(page, 'snap-gpu-2611', 'Edit Tags…');
        await answer(page, /Tags of snapshot "snap-gpu-2611"/, 'Add a tag…');
        await answer(page, /Name of the new tag/, 'owner');
        await answer(page, /Value of tag "owner"/, 'platform');
        const done = toast(page, /Updated the tags of snapshot "snap-gpu-2611": .*owner=platform/);
        await done.waitFor({ timeout: 30_000 });
        await done.getByRole('button', { name: 'Copy az command' }).waitFor();
        assert.deepStrictEqual(
            workbench.emulator.requests.filter((r) => r.method !== 'GET').map((r) => r.method),
            ['PATCH'],
        );
    });

    it('the walkthrough: signed in shows as done; "Snapshot a pool" is done once a snapshot was made, not when its command was opened', async () => {
        const { page } = workbench;
        await runFromPalette(page, 'Welcome: Open Walkthrough...');
        await answer(page, /walkthrough/i, 'Get Started with AKS Node Pool Snapshots');
        await walkthroughStep(page, 'Sign in to Azure').waitFor({ timeout: 30_000 });
        // Done on what happened before it was opened: signed in, a cluster's pools seen in the tree.
        await walkthroughStep(page, 'Sign in to Azure').locator('.codicon-getting-started-step-checked').waitFor({ timeout: 15_000 });
        await walkthroughStep(page, 'Find a node pool').locator('.codicon-getting-started-step-checked').waitFor({ timeout: 15_000 });
        assert.strictEqual(await isStepDone(page, 'Snapshot a pool'), false);
        // Opening Create Snapshot and leaving it with Esc does not count.
        await contextMenu(page, 'gpu', 'Create Snapshot…');
        await waitForQuestion(page, /Snapshot name/);
        await page.keyboard.press('Escape');
        await page.waitForTimeout(500);
        assert.strictEqual(await isStepDone(page, 'Snapshot a pool'), false, 'the step completed on a flow left with Esc');
        await contextMenu(page, 'gpu', 'Create Snapshot…');
        await answer(page, /Snapshot name/, 'walkthrough-snap');
        await answer(page, /Resource group for the snapshot/, 'rg-snapshots');
        await answer(page, /Tags/);
        await toast(page, /Created snapshot "walkthrough-snap"/).waitFor({ timeout: 30_000 });
        await walkthroughStep(page, 'Snapshot a pool').locator('.codicon-getting-started-step-checked').waitFor({ timeout: 15_000 });
    });
});
