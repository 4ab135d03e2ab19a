import * as assert from 'assert';
import { answer, contextMenu, openAksView, toast, treeRow, useWorkbench, Workbench } from './workbench';

/** Pools that left their snapshot, pools their cluster will move off it, the comparison, and the pin (R7), on the fleet seed. */
describe('A person keeping pools on their snapshot', () => {
    const current = useWorkbench({ seed: 'fleet' }, async (w) => {
        await openAksView(w.page);
        await treeRow(w.page, 'Contoso Fleet East').click();
        await treeRow(w.page, 'aks-fleet-pinned').click();
        await treeRow(w.page, 'aks-fleet-reimaged').click();
    });
    let workbench: Workbench;

    beforeEach(() => {
        workbench = current();
    });

    it('sees the drifted and at-risk marks, with the reason in the tooltip', async () => {
        const { page } = workbench;
        const drifted = treeRow(page, 'drifted');
        assert.match(await drifted.innerText(), /◇ snap-fleet-2610 · drifted/);
        assert.match(await treeRow(page, 'atrisk').innerText(), /◆ snap-fleet-2611 · at risk/);
        await drifted.hover();
        const hover = page.locator('.monaco-hover, .workbench-hover').filter({ hasText: /Drifted/ });
        await hover.waitFor();
        assert.match(await hover.innerText(), /node image AKSUbuntu-2204gen2containerd-202611\.17\.0, the snapshot's is/);
        await workbench.screenshot('drift');
        await page.keyboard.press('Escape');
    });

    it('right-click a drifted pool → Compare with Snapshot…: the diff shows what moved', async () => {
        const { page } = workbench;
        await contextMenu(page, 'drifted', 'Compare with Snapshot…');
        await answer(page, /Compare node pool "drifted" with which snapshot/);
        const diff = page.locator('.monaco-diff-editor');
        await diff.waitFor();
        // The editor draws spaces as no-break spaces.
        await diff.filter({ hasText: /Node\simage\sdate/ }).waitFor();
        assert.match(await page.locator('.tab.active').innerText(), /snap-fleet-2610/);
        await diff.hover();
        await workbench.screenshot('compare');
    });

    it('right-click a cluster whose channels re-image → Pin Cluster to Its Node Images…: the at-risk marks go', async () => {
        const { page } = workbench;
        await contextMenu(page, 'aks-fleet-reimaged', 'Pin Cluster to Its Node Images…');
        const dialog = page.locator('.monaco-dialog-box', { hasText: /Pin cluster "aks-fleet-reimaged" to its node images\?/ });
        await dialog.waitFor();
        assert.match(await dialog.innerText(), /Node OS upgrade channel: NodeImage → None/);
        await dialog.getByRole('button', { name: 'Pin Cluster', exact: true }).click();
        await toast(page, /Pinned cluster "aks-fleet-reimaged"/).waitFor();
        await treeRow(page, 'atrisk')
            .filter({ hasNotText: /at risk/ })
            .waitFor();
    });
});
