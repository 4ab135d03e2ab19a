import * as assert from 'assert';
import { openAksView, treeRow, useWorkbench, Workbench } from './workbench';

describe('A person browsing the tree', () => {
    const current = useWorkbench();
    let workbench: Workbench;

    beforeEach(() => {
        workbench = current();
    });

    it('opens the view, expands a subscription and a cluster, and reads a pool\'s tooltip', async () => {
        const { page } = workbench;
        await openAksView(page);
        await treeRow(page, 'Contoso Platform').click();
        await treeRow(page, 'aks-prod-eastus').click();
        await treeRow(page, 'Snapshots').first().click();
        const memory = treeRow(page, 'memory');
        await memory.hover();
        const hover = page.locator('.monaco-hover, .workbench-hover').filter({ hasText: 'snap-memory-2609' });
        await hover.waitFor();
        const text = await hover.innerText();
        for (const expected of ['Mode: User', 'Kubernetes version: 1.32.9', 'Node image: AKSAzureLinux-V3gen2-202609.15.0', 'VM size: Standard_E8s_v5']) {
        assert.ok(text.includes(expected), `tooltip lacks "${expected}": ${text}`);
        }
        assert.match(await memory.innerText(), /◆ snap-memory-2609/);
        await workbench.screenshot('tree');
    });
});

describe('A person who is signed out', () => {
    const current = useWorkbench({ signedIn: false });
    let workbench: Workbench;

    beforeEach(() => {
        workbench = current();
    });

    it('sees the welcome view with "Sign in to Azure…"', async () => {
        const { page } = workbench;
        const view = await openAksView(page);
        await view.locator('.welcome-view-content').getByRole('button', { name: 'Sign in to Azure…' }).waitFor();
        assert.strictEqual(await view.locator('.monaco-list-row').count(), 0);
        await workbench.screenshot('signed-out');
    });
});
