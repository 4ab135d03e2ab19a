import * as assert from 'assert';
import type { Page } from 'playwright-core';
import { ids } from '../suite/seedIds';
import { answer, contextMenu, openAksView, toast, treeRow, useWorkbench, waitForQuestion, Workbench } from './workbench';

/** A tree row's context menu as a person sees it (its items' titles), closed again with Esc. */
async function menuOf(page: Page, rowLabel: string): Promise<string[]> {
    const row = treeRow(page, rowLabel).first();
    await row.scrollIntoViewIfNeeded();
    await row.click({ button: 'right' });
    const menu = page.locator('.context-view .monaco-menu');
    await menu.waitFor();
    const titles = (await menu.locator('.action-label').allInnerTexts()).map((t) => t.trim()).filter(Boolean);
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached', timeout: 5000 });
    // The pointer leaves the row, as a person's would: a tooltip that opens over the row must not cover the next one.
    await page.mouse.move(1, 1);
    return titles;
}

const SNAPSHOT_ACTIONS = ['Create Snapshot…', 'Upgrade to Snapshot…'];

/** Context menus offer an action only where it can work; and a whole flow runs from the keyboard alone. */
describe('Menus that fit, and the keyboard', () => {
    const current = useWorkbench({}, async ({ page }) => {
        await openAksView(page);
        for (const row of ['Contoso Platform', 'aks-prod-eastus', 'aks-legacy']) {
            await treeRow(page, row).click();
        }
        await treeRow(page, 'Snapshots').first().click();
    });
    let workbench: Workbench;

    beforeEach(() => {
        workbench = current();
    });

    it('shows each action only on the nodes where it works', async () => {
        const { page, emulator } = workbench;
        const ready = await menuOf(page, 'system');
        assert.ok(
            SNAPSHOT_ACTIONS.every((a) => ready.includes(a)) && ready.includes('Compare with Snapshot…'),
            `a ready pool: ${ready.join(', ')}`,
        );
        // A VirtualMachines pool cannot be snapshotted nor upgraded to one (R11).
        const vmPool = await menuOf(page, 'vmpool');
        assert.deepStrictEqual(
            SNAPSHOT_ACTIONS.filter((a) => vmPool.includes(a)),
            [],
            `a VirtualMachines pool: ${vmPool.join(', ')}`,
        );
        assert.ok(vmPool.includes('Compare with Snapshot…'));
        // Windows cannot be a cluster's system pool: no Create Cluster from a Windows snapshot.
        const windows = await menuOf(page, 'snap-win-2610');
        const linux = await menuOf(page, 'snap-system-2611');
        assert.ok(!windows.includes('Create Cluster…') && windows.includes('Add Node Pool…'), `a Windows snapshot: ${windows.join(', ')}`);
        assert.ok(
            ['Create Cluster…', 'Add Node Pool…', 'Roll Out Snapshot…'].every((a) => linux.includes(a)),
            `a Linux snapshot: ${linux.join(', ')}`,
        );
        assert.ok(
            (await menuOf(page, 'aks-prod-eastus')).includes('Pin Cluster to Its Node Images…'),
            'a re-imaging cluster can be pinned',
        );
        assert.ok(
            !(await menuOf(page, 'aks-legacy')).includes('Pin Cluster to Its Node Images…'),
            'a pinned cluster is not offered the pin',
        );

        // Busy (an operation runs in Azure, R10): nothing that would change it.
        emulator.state().setProvisioningState(ids.pool.gpu, 'Upgrading');
        emulator.state().setProvisioningState(ids.legacy, 'Updating');
        await contextMenu(page, 'Contoso Platform', 'Refresh');
        await treeRow(page, 'gpu')
            .filter({ hasText: /Upgrading/ })
            .waitFor();
        const busyPool = await menuOf(page, 'gpu');
        assert.deepStrictEqual(
            SNAPSHOT_ACTIONS.filter((a) => busyPool.includes(a)),
            [],
            `a busy pool: ${busyPool.join(', ')}`,
        );
        const busyCluster = await menuOf(page, 'aks-legacy');
        assert.ok(!busyCluster.includes('Add Node Pool…') && busyCluster.includes('Refresh'), `a busy cluster: ${busyCluster.join(', ')}`);
        assert.ok((await menuOf(page, 'aks-prod-eastus')).includes('Add Node Pool…'), 'its ready neighbour still offers it');
        emulator.reset();
    });

    it('creates a snapshot with the keyboard only: focus the view, move to a pool, open its menu, answer, confirm', async () => {
        const { page } = workbench;
        // F1 → the view's own focus command, then arrow keys to the pool.
        await page.keyboard.press('F1');
        const palette = await waitForQuestion(page, /.*/);
        await palette.locator('input').fill('>AKS Snapshots: Focus on Node Pools and Snapshots View');
        await palette
            .getByRole('option', { name: /Focus on Node Pools and Snapshots View/ })
            .first()
            .waitFor();
        await page.keyboard.press('Enter');
        await palette.waitFor({ state: 'hidden' });
        const focused = page
            .locator('.pane', { has: page.locator('.pane-header', { hasText: /Node Pools and Snapshots/i }) })
            .locator('.monaco-list-row.focused');
        await page.keyboard.press('Home');
        for (let i = 0; i < 30 && !(await focused.innerText({ timeout: 1000 }).catch(() => '')).startsWith('memory'); i++) {
            await page.keyboard.press('ArrowDown');
        }
        assert.match(await focused.innerText(), /^memory/, 'the pool has the focus');
        // The context menu key (Shift+F10), then the action by its first letters and Enter.
        await page.keyboard.press('Shift+F10');
        const menu = page.locator('.context-view .monaco-menu');
        await menu.waitFor();
        for (
            let i = 0;
            i < 20 &&
            !/^Create Snapshot…/.test(
                await menu
                    .locator('.monaco-action-bar .action-item.focused')
                    .innerText({ timeout: 1000 })
                    .catch(() => ''),
            );
            i++
        ) {
            await page.keyboard.press('ArrowDown');
        }
        await page.keyboard.press('Enter');
        await answer(page, /Snapshot name/, 'memory-keyboard');
        await answer(page, /Resource group for the snapshot/, 'rg-snapshots');
        await answer(page, /Tags/);
        await toast(page, /Created snapshot "memory-keyboard" of node pool "memory"/).waitFor();
        await treeRow(page, 'memory-keyboard').waitFor();
    });
});
