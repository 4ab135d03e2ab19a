import * as assert from 'assert';
import { answer, contextMenu, openAksView, toast, treeRow, waitForQuestion, useWorkbench, Workbench } from './workbench';

/** Each snapshot workflow done with pointer and keyboard in the real workbench, from the context menu. */
describe('A person using the snapshot workflows', () => {
    const current = useWorkbench({}, async (w) => {
        const { page } = w;
        await openAksView(page);
        await treeRow(page, 'Contoso Platform').click();
        await treeRow(page, 'aks-prod-eastus').click();
        await treeRow(page, 'Snapshots').first().click();
    });
    let workbench: Workbench;

    beforeEach(() => {
        workbench = current();
    });

    it('right-click a pool → Create Snapshot…, name it, and see it in the tree', async () => {
        const { page } = workbench;
        await contextMenu(page, 'gpu', 'Create Snapshot…');
        await answer(page, /Snapshot name/, 'gpu-golden');
        await answer(page, /Resource group for the snapshot/, 'rg-snapshots');
        await answer(page, /Tags/);
        await toast(page, /Created snapshot "gpu-golden" of node pool "gpu" in eastus/).waitFor();
        await treeRow(page, 'gpu-golden').waitFor();
        assert.match(await treeRow(page, 'gpu-golden').innerText(), /1\.33\.5 · AKSUbuntu-2204gen2containerd-202610\.20\.0/);
        await workbench.screenshot('create-snapshot');
    });

    it('types a bad name: the message shows inline and the flow cannot go on', async () => {
        const { page } = workbench;
        await contextMenu(page, 'system', 'Create Snapshot…');
        const widget = await waitForQuestion(page, /Snapshot name/);
        await widget.locator('input').fill('-bad-');
        const message = widget.locator('.quick-input-message', { hasText: /Snapshot name "-bad-" is invalid/ });
        await message.waitFor();
        await widget.locator('input').press('Enter');
        await page.waitForTimeout(500);
        // Still on the same question.
        await waitForQuestion(page, /Snapshot name/);
        await workbench.screenshot('bad-name');
        await page.keyboard.press('Escape');
    });

    it('right-click a snapshot → Add Node Pool…, answer each question, and see the pool go Creating → Succeeded', async () => {
        const { page } = workbench;
        await contextMenu(page, 'snap-system-2611', 'Add Node Pool…');
        await answer(page, /Cluster to add the pool to/, 'aks-prod-eastus');
        await answer(page, /Node pool name/, 'golden');
        await answer(page, /Mode of the new pool/, 'User');
        await answer(page, /VM size/, 'Standard_D8s_v5');
        await answer(page, /Node count/, '2');
        // aks-prod-eastus re-images its pools at the maintenance window (R7): the warning names the channel.
        const warning = page.locator('.monaco-dialog-box', { hasText: /nodeOSUpgradeChannel "NodeImage"/ });
        await warning.waitFor();
        await warning.getByRole('button', { name: 'Add Node Pool', exact: true }).click();
        const row = treeRow(page, 'golden');
        await row.filter({ hasText: /Creating/ }).waitFor();
        await workbench.screenshot('add-node-pool-creating');
        await toast(page, /Added node pool "golden" to "aks-prod-eastus"/).waitFor();
        await row.filter({ hasText: /User · Ubuntu · Standard_D8s_v5 · .*◆ snap-system-2611/ }).waitFor();
        assert.doesNotMatch(await row.innerText(), /Creating/);
        await workbench.screenshot('add-node-pool');
    });

    it('right-click a pool → Upgrade to Snapshot…: an incompatible snapshot shows its reason and cannot be taken; a compatible one upgrades', async () => {
        const { page } = workbench;
        await contextMenu(page, 'memory', 'Upgrade to Snapshot…');
        const widget = await waitForQuestion(page, /Snapshot to upgrade node pool "memory"/);
        await widget.locator('input').fill('snap-system-2611');
        const incompatible = widget.getByRole('option', { name: /snap-system-2611/ });
        await incompatible.waitFor();
        assert.match(await incompatible.innerText(), /not of the VM family and CPU architecture/);
        await workbench.screenshot('upgrade-pick');
        await answer(page, /Snapshot to upgrade/);
        await waitForQuestion(page, /"snap-system-2611" cannot be used/);
        await answer(page, /cannot be used/, 'snap-memory-2611');
        await answer(page, /Max surge/, '33%');
        const dialog = page.locator('.monaco-dialog-box');
        await dialog.waitFor();
        assert.match(
            await dialog.innerText(),
            /Kubernetes version: 1\.32\.9 → 1\.33\.5[\s\S]*Snapshot link: snap-memory-2609 → snap-memory-2611/,
        );
        await workbench.screenshot('upgrade-confirm');
        await dialog.getByRole('button', { name: 'Upgrade', exact: true }).click();
        await toast(page, /Upgraded node pool "memory" to snapshot "snap-memory-2611"/).waitFor();
        await treeRow(page, 'memory')
            .filter({ hasText: /◆ snap-memory-2611/ })
            .waitFor();
        await workbench.screenshot('upgrade');
    });

    it('right-click a snapshot → Create Cluster…, confirm the summary, and see the cluster with its system pool from the snapshot', async () => {
        const { page } = workbench;
        await contextMenu(page, 'snap-system-2611', 'Create Cluster…');
        await answer(page, /Subscription for the new cluster/, 'Contoso Platform');
        await answer(page, /Cluster name/, 'aks-golden');
        await answer(page, /Resource group for cluster/, 'rg-platform-eastus');
        await answer(page, /Region for cluster/);
        await answer(page, /DNS name prefix/);
        await answer(page, /Node pool name/);
        await answer(page, /VM size/);
        await answer(page, /Node count/);
        const dialog = page.locator('.monaco-dialog-box');
        await dialog.waitFor();
        assert.match(await dialog.innerText(), /System pool: nodepool1, 3 × Standard_D4s_v5/);
        await workbench.screenshot('create-cluster-confirm');
        await dialog.getByRole('button', { name: 'Create' }).click();
        await toast(page, /Created cluster "aks-golden"/).waitFor();
        await treeRow(page, 'aks-golden').click();
        await treeRow(page, 'nodepool1')
            .filter({ hasText: /◆ snap-system-2611/ })
            .waitFor();
        await workbench.screenshot('create-cluster');
    });

    it('right-click a snapshot → Delete…: the modal names it and the pools linked to it', async () => {
        const { page } = workbench;
        await contextMenu(page, 'snap-memory-2609', 'Delete…');
        const dialog = page.locator('.monaco-dialog-box');
        await dialog.waitFor();
        assert.match(await dialog.innerText(), /Delete snapshot "snap-memory-2609"/);
        await workbench.screenshot('delete-snapshot');
        await dialog.getByRole('button', { name: 'Delete' }).click();
        await toast(page, /Deleted snapshot "snap-memory-2609"/).waitFor();
        await treeRow(page, 'snap-memory-2609').waitFor({ state: 'detached' });
    });
});
