import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { RolloutState } from '../../src/model/rollout';
import { GUEST_SUBSCRIPTION, GUEST_TENANT_ID, PLATFORM_SUBSCRIPTION, SANDBOX_SUBSCRIPTION, TENANT_ID } from '../emulator/seeds';
import { ids } from './seedIds';
import { PickMany, TestUserInput } from './TestUserInput';
import { activateExtension, emulator, nextTreeChange, runCommand, shownTree, TestApi } from './testApi';

/** What VS Code asked the test account provider (test/fixtures/test-account) for. */
interface ProviderRequest {
    readonly provider: string;
    readonly scopes: string[];
    readonly account?: string;
    readonly create?: boolean;
}

const DEV = 'dev@contoso.com';
const OPS = 'ops@contoso.com';
const providerRequests = async (clear = false): Promise<ProviderRequest[]> =>
    vscode.commands.executeCommand<ProviderRequest[]>('aksTestAccount.requests', clear);
const rootLabels = async (api: TestApi): Promise<string[]> => (await shownTree(api.tree)).map((n) => n.label);

/**
 * VS Code's own Microsoft sign-in (`aksSnapshots.authentication: vscode`), as a person who is also a guest in a
 * second directory (Fabrikam, which needs a sign-in of its own) sees it: the test account provider stands in for
 * VS Code's Microsoft accounts and hands out the emulator's tokens.
 */
describe('The VS Code account: tenants, sign-in events, fresh tokens, guards on its lists, the subscription filter', function () {
    this.timeout(180_000);
    let api: TestApi;
    const configuration = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('aksSnapshots');

    before(async () => {
        api = await activateExtension();
        await emulator.reset('tenants');
        // Every token of this suite lives 12 seconds (Entra ID's are 60–90 minutes): the product must ask for new ones as it goes.
        await emulator.knobs({ tokenLifetimeSeconds: 12 });
        const changed = nextTreeChange(api.tree);
        await configuration().update('authentication', 'vscode', vscode.ConfigurationTarget.Global);
        await changed;
    });

    after(async () => {
        await vscode.commands.executeCommand('aksTestAccount.signOut', DEV);
        await vscode.commands.executeCommand('aksTestAccount.signOut', OPS);
        await emulator.knobs({ tokenLifetimeSeconds: 3600 });
        await emulator.clearFaults();
        await vscode.workspace
            .getConfiguration('azureResourceGroups')
            .update('selectedSubscriptions', undefined, vscode.ConfigurationTarget.Global);
        const restored = nextTreeChange(api.tree);
        await configuration().update('authentication', 'environment', vscode.ConfigurationTarget.Global);
        await restored;
        await emulator.reset();
        api.tree.refresh();
    });

    it("a sign-in made elsewhere (the Accounts menu) redraws the tree: the home tenant's subscriptions, and the tenant that needs its own sign-in", async () => {
        assert.deepStrictEqual(await shownTree(api.tree), [], 'signed out: the welcome view shows');
        const changed = nextTreeChange(api.tree);
        await vscode.commands.executeCommand('aksTestAccount.signIn', DEV);
        await changed;
        assert.deepStrictEqual(await rootLabels(api), ['Contoso Platform', 'Contoso Sandbox', 'Sign in to Fabrikam…']);
        const signInItem = await api.tree.getTreeItem((await api.tree.getChildren()).at(-1)!);
        assert.deepStrictEqual(signInItem.command?.arguments?.slice(0, 2), [GUEST_TENANT_ID, DEV]);
        // Every session was asked at the user's cloud (the emulator's ARM audience), of the sovereign sign-in that cloud needs.
        const asked = (await providerRequests(true)).filter((r) => r.scopes.length > 0);
        assert.ok(asked.length > 0);
        assert.deepStrictEqual(
            [...new Set(asked.map((r) => `${r.provider} ${r.scopes.filter((s) => !s.startsWith('VSCODE_TENANT:')).join(' ')}`))],
            ['microsoft-sovereign-cloud https://management.core.windows.net/.default'],
        );
        // Each tenant's session is asked once: the token that shows it has one is the one its subscriptions are listed with.
        const perTenant = new Map<string, number>();
        for (const tenant of asked.flatMap((r) => r.scopes.filter((s) => s.startsWith('VSCODE_TENANT:')))) {
            perTenant.set(tenant, (perTenant.get(tenant) ?? 0) + 1);
        }
        assert.ok(perTenant.size >= 1, 'sessions were asked by tenant');
        assert.deepStrictEqual(
            [...perTenant.values()],
            [...perTenant.values()].map(() => 1),
            JSON.stringify([...perTenant]),
        );
    });

    it('Sign In to Tenant asks VS Code for a session in that tenant, with that account; once signed in, its subscriptions load', async () => {
        // A window running extension tests refuses every dialog, VS Code's "wants to sign in" among them: the request
        // made before it is what shows the command asked for the right tenant and account (the workbench scenario clicks it).
        await assert.rejects(runCommand('aksSnapshots.signInToTenant', new TestUserInput([]), GUEST_TENANT_ID), /refused to show dialog/);
        const asked = (await providerRequests(true)).filter((r) => r.scopes.includes(`VSCODE_TENANT:${GUEST_TENANT_ID}`));
        assert.ok(
            asked.some((r) => r.account === DEV),
            JSON.stringify(asked),
        );
        assert.ok(!asked.some((r) => r.account && r.account !== DEV));

        const changed = nextTreeChange(api.tree);
        await vscode.commands.executeCommand('aksTestAccount.signInToTenant', GUEST_TENANT_ID, DEV);
        await changed;
        const roots = await shownTree(api.tree);
        assert.deepStrictEqual(
            roots.map((n) => n.label),
            ['Contoso Platform', 'Contoso Sandbox', 'Fabrikam Shared'],
        );
        assert.deepStrictEqual(
            roots[2].children?.map((n) => n.label),
            ['aks-fabrikam', 'Snapshots'],
        );
        // Fabrikam's subscription was read with a token from Fabrikam (the emulator answers a Contoso token there with ARM's 401).
        assert.ok((await emulator.requests()).some((r) => r.url.includes(GUEST_SUBSCRIPTION) && r.status === 200));
    });

    it('a token VS Code renews leaves the tree as it is (only a sign-in or sign-out redraws it)', async () => {
        let redrawn = 0;
        const listener = api.tree.onDidChangeTreeData(() => void redrawn++);
        try {
            await vscode.commands.executeCommand('aksTestAccount.renewTokens');
            await new Promise((resolve) => setTimeout(resolve, 1500));
        } finally {
            listener.dispose();
        }
        assert.strictEqual(redrawn, 0);
    });

    it('a second account that reaches the same subscriptions shows each once, under the first account by name', async () => {
        const changed = nextTreeChange(api.tree);
        await vscode.commands.executeCommand('aksTestAccount.signIn', OPS);
        await changed;
        const roots = await api.tree.getChildren();
        const items = await Promise.all(roots.map(async (r) => api.tree.getTreeItem(r)));
        const ids = items.map((i) => i.id);
        assert.strictEqual(new Set(ids).size, ids.length, `no id repeats: ${ids.join(', ')}`);
        // Fabrikam is signed in for dev only: ops@ is offered its own sign-in there.
        assert.deepStrictEqual(
            items.map((i) => [i.label, i.description ?? '']),
            [
                ['Contoso Platform', ''],
                ['Contoso Sandbox', ''],
                ['Fabrikam Shared', ''],
                ['Sign in to Fabrikam…', OPS],
            ],
        );
        assert.match(String(items[0].tooltip), new RegExp(`Account ${DEV}$`));
        const changedBack = nextTreeChange(api.tree);
        await vscode.commands.executeCommand('aksTestAccount.signOut', OPS);
        await changedBack;
        assert.deepStrictEqual(await rootLabels(api), ['Contoso Platform', 'Contoso Sandbox', 'Fabrikam Shared']);
    });

    it("tokens are asked of VS Code again as they expire: reads, a write and a roll-out wave run past the token's lifetime", async () => {
        api.tree.refresh();
        assert.deepStrictEqual(await rootLabels(api), ['Contoso Platform', 'Contoso Sandbox', 'Fabrikam Shared']);
        const service = await api.services.forSubscription(PLATFORM_SUBSCRIPTION);
        await service.listClusters();
        const issued = (await emulator.issuedTokens()).length;
        // Past the first token's life, the same service (the same credential) reads, writes and rolls out.
        await new Promise((resolve) => setTimeout(resolve, 13_000));
        await emulator.clearRequests();
        assert.strictEqual((await service.listClusters()).length > 0, true);
        const tagged = await runCommand<{ tags: object }>(
            'aksSnapshots.editSnapshotTags',
            new TestUserInput([/Add a tag/, 'owner', 'platform']),
            await api.tree.findElement(ids.snapshot.system),
        );
        assert.deepStrictEqual(tagged.tags, { purpose: 'golden', owner: 'platform' });
        const state = await runCommand<RolloutState>(
            'aksSnapshots.rollOutSnapshot',
            new TestUserInput([new PickMany((i) => i.label === 'gpu'), 'Start Roll-out']),
            await api.tree.findElement(ids.snapshot.gpu),
        );
        assert.deepStrictEqual(
            Object.values(state.outcomes).map((o) => o.status),
            ['succeeded'],
        );
        const refused = (await emulator.requests()).filter((r) => r.status === 401);
        assert.deepStrictEqual(
            refused.map((r) => r.url),
            [],
            'no request went with an expired token',
        );
        assert.ok((await emulator.issuedTokens()).length > issued, 'new tokens were taken');
    });

    it("the tenant and subscription lists keep to ARM's origin, stop a looping list and wait no Retry-After past the ceiling", async () => {
        await emulator.addFault({ method: 'GET', pathContains: '/tenants', action: 'foreignNextLink', times: 1 });
        api.tree.refresh();
        const [foreign] = await rootLabels(api);
        assert.match(foreign, /^Could not list subscriptions: Refused to follow a link to foreign-host\.invalid/);
        await emulator.addFault({ method: 'GET', pathContains: '/subscriptions', action: 'loopingNextLink', times: 100 });
        api.tree.refresh();
        const [looping] = await rootLabels(api);
        assert.match(looping, /^Could not list subscriptions: Azure's list of subscriptions links back to a page already read/);
        await emulator.clearFaults();
        // A Retry-After past the ceiling ends the read with Azure's answer instead of waiting an hour (the test's own time limit would end
        // first).
        await emulator.addFault({
            method: 'GET',
            pathContains: '/tenants',
            status: 429,
            headers: { 'retry-after': '3600' },
            times: 1,
            body: { error: { code: 'TooManyRequests', message: 'The request is being throttled.' } },
        });
        api.tree.refresh();
        const [throttled] = await rootLabels(api);
        assert.match(throttled, /^Could not list subscriptions: The request is being throttled\./);
        await emulator.clearFaults();
        api.tree.refresh();
        assert.deepStrictEqual(await rootLabels(api), ['Contoso Platform', 'Contoso Sandbox', 'Fabrikam Shared']);
    });

    it("Select Subscriptions, without Azure Resources, writes the filter Azure Resources reads, in the user's settings, and the tree narrows", async () => {
        const ui = new TestUserInput([new PickMany((i) => i.label === 'Contoso Sandbox')]);
        const changed = nextTreeChange(api.tree);
        await runCommand('aksSnapshots.selectSubscriptions', ui);
        await changed;
        const [pick] = ui.ofKind('quickPick');
        assert.deepStrictEqual(
            pick.items!.map((i) => i.label),
            ['Contoso Platform', 'Contoso Sandbox', 'Fabrikam Shared'],
        );
        const inspected = vscode.workspace.getConfiguration('azureResourceGroups').inspect<string[]>('selectedSubscriptions');
        assert.deepStrictEqual(inspected?.globalValue, [`${TENANT_ID}/${SANDBOX_SUBSCRIPTION}`]);
        assert.deepStrictEqual(await rootLabels(api), ['Contoso Sandbox']);
        const all = nextTreeChange(api.tree);
        await runCommand('aksSnapshots.selectSubscriptions', new TestUserInput([new PickMany(() => true)]));
        await all;
        assert.strictEqual(
            vscode.workspace.getConfiguration('azureResourceGroups').inspect('selectedSubscriptions')?.globalValue,
            undefined,
            'all chosen: no filter',
        );
        assert.strictEqual((await rootLabels(api)).length, 3);
    });

    it("Select Subscriptions, with Azure Resources, runs Azure Resources' own command", async () => {
        let ran = 0;
        const azureResources = vscode.commands.registerCommand('azureResourceGroups.selectSubscriptions', () => void ran++);
        try {
            const ui = new TestUserInput([]);
            await runCommand('aksSnapshots.selectSubscriptions', ui);
            assert.strictEqual(ran, 1);
            assert.deepStrictEqual(ui.ofKind('quickPick'), [], "no pick of the product's own");
        } finally {
            azureResources.dispose();
        }
    });

    it('a workspace that sets the cloud never chooses where the sign-in goes: nothing is asked of that cloud, and the tree says why', async () => {
        const cloud = vscode.workspace.getConfiguration('microsoft-sovereign-cloud');
        const settingsFile = path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, '.vscode', 'settings.json');
        const hadSettings = fs.existsSync(settingsFile);
        const attacker = 'https://attacker.example/';
        const elsewhere = {
            name: 'Elsewhere',
            portalUrl: attacker,
            managementEndpointUrl: attacker,
            resourceManagerEndpointUrl: attacker,
            activeDirectoryEndpointUrl: attacker,
            activeDirectoryResourceId: attacker,
        };
        try {
            await providerRequests(true);
            const changed = nextTreeChange(api.tree);
            await cloud.update('customEnvironment', elsewhere, vscode.ConfigurationTarget.Workspace);
            await changed;
            const [refusal] = await rootLabels(api);
            assert.match(refusal, /This workspace sets microsoft-sovereign-cloud\.customEnvironment/);
            await assert.rejects(
                runCommand('aksSnapshots.signIn', new TestUserInput([])),
                /This workspace sets microsoft-sovereign-cloud\.customEnvironment/,
            );
            const asked = await providerRequests(true);
            assert.deepStrictEqual(
                asked.filter((r) => r.scopes.some((s) => s.includes('attacker'))),
                [],
            );
            assert.deepStrictEqual(
                asked.filter((r) => r.scopes.length > 0),
                [],
                'no session was asked for at all',
            );
        } finally {
            await cloud.update('customEnvironment', undefined, vscode.ConfigurationTarget.Workspace);
            if (!hadSettings) {
                fs.rmSync(path.dirname(settingsFile), { recursive: true, force: true });
            }
        }
    });
});
