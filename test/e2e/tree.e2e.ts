import * as assert from 'assert';
import { openAksView, treeRow, useWorkbench, waitForQuestion, Workbench } from './workbench';

describe('A person browsing the tree', () => {
    const current = useWorkbench();
    let workbench: Workbench;

    beforeEach(() => {
        workbench = current();
    });

    it("opens the view, expands a subscription and a cluster, and reads a pool's tooltip", async () => {
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
        for (const expected of [
            'Mode: User',
            'Kubernetes version: 1.32.9',
            'Node image: AKSAzureLinux-V3gen2-202609.15.0',
            'VM size: Standard_E8s_v5',
        ]) {
            assert.ok(text.includes(expected), `tooltip lacks "${expected}": ${text}`);
        }
        assert.match(await memory.innerText(), /◆ snap-memory-2609/);
        await workbench.screenshot('tree');
    });
});

describe('A person who is signed out', () => {
    const current = useWorkbench({ signedIn: false, seed: 'tenants' });
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

    it("signs in with VS Code's account, signs in to the guest tenant the tree offers, and narrows the tree with Select Subscriptions", async () => {
        const { page } = workbench;
        // The view is open from the scenario before (the activity bar's tab would close it).
        const view = page.locator('.pane', { has: page.locator('.pane-header', { hasText: /Node Pools and Snapshots/i }) });
        await view.locator('.welcome-view-content').getByRole('button', { name: 'Sign in to Azure…' }).click();
        // VS Code asks whether the extension may sign in: the person allows it.
        const allow = (): Promise<void> => page.locator('.monaco-dialog-box').getByRole('button', { name: 'Allow' }).click();
        await page.locator('.monaco-dialog-box', { hasText: /AKS Node Pool Snapshots.*wants to sign in/ }).waitFor();
        await allow();
        await treeRow(page, 'Contoso Platform').waitFor();
        await treeRow(page, 'Contoso Sandbox').waitFor();
        const fabrikam = treeRow(page, 'Sign in to Fabrikam…');
        await fabrikam.waitFor();
        assert.match(await fabrikam.innerText(), /dev@contoso\.com/);
        await workbench.screenshot('tenant-sign-in');
        await fabrikam.click();
        await page.locator('.monaco-dialog-box', { hasText: /wants to sign in/ }).waitFor();
        await allow();
        await treeRow(page, 'Fabrikam Shared').waitFor();
        assert.strictEqual(await fabrikam.count(), 0, 'the tenant is signed in: its row is gone');
        await treeRow(page, 'Fabrikam Shared').click();
        await treeRow(page, 'aks-fabrikam').waitFor();

        // The filter button in the view's title: only the sandbox stays.
        // The view is the container's only one: its title actions are in the side bar's title.
        await page
            .locator('.part.sidebar .title-actions')
            .getByRole('button', { name: /Select Subscriptions/ })
            .click();
        const pick = await waitForQuestion(page, /Select the subscriptions to show/);
        // Every subscription shows, so every one is ticked: untick two.
        assert.match(await pick.innerText(), /3 Selected/);
        for (const name of ['Contoso Platform', 'Fabrikam Shared']) {
            await pick.locator('.monaco-list-row', { hasText: name }).click();
        }
        await pick.getByRole('button', { name: 'OK' }).click();
        // (The quick pick keeps its rows, hidden, once closed: only the view's rows are counted.)
        await view.locator('.monaco-list-row', { hasText: 'Contoso Platform' }).waitFor({ state: 'detached' });
        await view.locator('.monaco-list-row', { hasText: 'Fabrikam Shared' }).waitFor({ state: 'detached' });
        assert.deepStrictEqual(await view.locator('.monaco-list-row .label-name').allInnerTexts(), ['Contoso Sandbox']);
    });
});
