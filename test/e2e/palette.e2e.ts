import * as assert from 'assert';
import type { Page } from 'playwright-core';
import { answer, openAksView, runFromPalette, toast, treeRow, useWorkbench, waitForQuestion, Workbench } from './workbench';

/** Types `typed` into the question, then clicks the row labelled `label`, as a person finding a resource by name would. */
async function pickRow(page: Page, question: RegExp, typed: string, label: string): Promise<void> {
    const widget = await waitForQuestion(page, question);
    await widget.locator('input').first().fill(typed);
    await page.waitForTimeout(300);
    await widget
        .locator('.quick-input-list .monaco-list-row', { has: page.locator('.label-name', { hasText: new RegExp(`^${label}$`) }) })
        .first()
        .click();
}

/** The same workflows from the command palette (F1): the missing resource is asked with quick picks over the tree. */
describe('A person using the command palette', () => {
    const current = useWorkbench({}, async (w) => {
        await openAksView(w.page);
        await treeRow(w.page, 'Contoso Platform').waitFor();
    });
    let workbench: Workbench;

    beforeEach(() => {
        workbench = current();
    });

    it("Create Snapshot…: types the cluster's name to find its pools in one list, picks one, then names the snapshot", async () => {
        const { page } = workbench;
        await runFromPalette(page, 'AKS Snapshots: Create Snapshot…');
        await pickRow(page, /Create Snapshot: the node pool to snapshot/, 'aks-prod-weu', 'system');
        await answer(page, /Snapshot name/, 'weu-from-palette');
        await answer(page, /Resource group for the snapshot/);
        await answer(page, /Tags/);
        await toast(page, /Created snapshot "weu-from-palette" of node pool "system" in westeurope/).waitFor();
        await workbench.screenshot('palette-create-snapshot');
    });

    it('Add Node Pool…: picks the snapshot, then the cluster, sets labels and zones under "Advanced Options…", and confirms', async () => {
        const { page } = workbench;
        await runFromPalette(page, 'AKS Snapshots: Add Node Pool…');
        await answer(page, /Snapshot to make the pool from/, 'snap-sandbox-2611');
        await answer(page, /Cluster to add the pool to/, 'aks-sandbox');
        await answer(page, /Node pool name/, 'palette');
        await answer(page, /Mode of the new pool/, 'User');
        await answer(page, /VM size/);
        await answer(page, /Node count/, '1');
        const summary = page.locator('.monaco-dialog-box', { hasText: /Add node pool "palette" to "aks-sandbox"/ });
        await summary.waitFor();
        await summary.getByRole('button', { name: 'Advanced Options…', exact: true }).click();
        await answer(page, /Advanced options for node pool "palette"/, 'Node labels');
        await answer(page, /Kubernetes labels for the nodes/, 'team=palette, tier=gold');
        await answer(page, /Advanced options for node pool "palette"/, 'Availability zones');
        await answer(page, /Availability zones for the pool/, '1 2');
        await workbench.screenshot('palette-add-node-pool-options');
        await answer(page, /Advanced options for node pool "palette"/, 'Done');
        const again = page.locator('.monaco-dialog-box', { hasText: /Node labels: team=palette, tier=gold/ });
        await again.waitFor();
        assert.match(await again.innerText(), /Availability zones: 1 2/);
        await again.getByRole('button', { name: 'Add Node Pool', exact: true }).click();
        await toast(page, /Added node pool "palette" to "aks-sandbox" from snapshot "snap-sandbox-2611"/).waitFor();
        const put = workbench.emulator.requests.find((r) => r.method === 'PUT' && /\/agentPools\/palette\?/.test(r.url))!;
        const properties = (put.body as { properties: Record<string, unknown> }).properties;
        assert.deepStrictEqual([properties.nodeLabels, properties.availabilityZones], [{ team: 'palette', tier: 'gold' }, ['1', '2']]);
        await workbench.screenshot('palette-add-node-pool');
    });

    it('Upgrade to Snapshot…: picks the pool, then a snapshot, and confirms', async () => {
        const { page } = workbench;
        await runFromPalette(page, 'AKS Snapshots: Upgrade to Snapshot…');
        await pickRow(page, /Upgrade to Snapshot: the node pool to upgrade/, 'gpu', 'gpu');
        await answer(page, /Snapshot to upgrade node pool "gpu"/, 'snap-gpu-2611');
        const dialog = page.locator('.monaco-dialog-box');
        await dialog.waitFor();
        assert.match(await dialog.innerText(), /Path: node image only/);
        await dialog.getByRole('button', { name: 'Upgrade', exact: true }).click();
        await toast(page, /Upgraded node pool "gpu" to snapshot "snap-gpu-2611"/).waitFor();
        await workbench.screenshot('palette-upgrade');
    });

    it('Create Cluster…: picks the snapshot from one list of every snapshot', async () => {
        const { page } = workbench;
        await runFromPalette(page, 'AKS Snapshots: Create Cluster…');
        await pickRow(page, /Create Cluster: the snapshot to make its system pool from/, 'snap-sandbox-2611', 'snap-sandbox-2611');
        await answer(page, /Subscription for the new cluster/, 'Contoso Sandbox');
        await answer(page, /Cluster name/, 'aks-sandbox-2');
        await answer(page, /Resource group for cluster/, 'rg-sandbox');
        for (const question of [/Region for cluster/, /DNS name prefix/, /Node pool name/, /VM size/, /Node count/]) {
            await answer(page, question);
        }
        const dialog = page.locator('.monaco-dialog-box');
        await dialog.waitFor();
        await dialog.getByRole('button', { name: 'Create' }).click();
        await toast(page, /Created cluster "aks-sandbox-2"/).waitFor();
        await workbench.screenshot('palette-create-cluster');
    });

    it('Delete…: picks the snapshot, confirms the modal', async () => {
        const { page } = workbench;
        await runFromPalette(page, 'AKS Snapshots: Delete…');
        await pickRow(page, /Delete Snapshot: the snapshot to delete/, 'snap-k8s130', 'snap-k8s130');
        const dialog = page.locator('.monaco-dialog-box');
        await dialog.waitFor();
        assert.match(await dialog.innerText(), /Delete snapshot "snap-k8s130"[\s\S]*No node pool is linked to it/);
        await workbench.screenshot('palette-delete-snapshot');
        await dialog.getByRole('button', { name: 'Delete' }).click();
        await toast(page, /Deleted snapshot "snap-k8s130"/).waitFor();
    });
});
