import { createAzExtLogOutputChannel, registerOnActionStartHandler, registerUIExtensionVariables } from '@microsoft/vscode-azext-utils';
import * as path from 'path';
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { AksServices } from './azure/AksServices';
import { ACCOUNT_SETTINGS, readAccountSettings } from './azure/accountSettings';
import { setRequestsInFlight } from './azure/requestPolicies';
import { AzureAccount } from './azure/AzureAccount';
import { authProviderId } from './azure/clouds';
import { fileMetadataStore } from './azure/authorityMetadata';
import { formatAzureRequest, onAzureRequest } from './azure/requestLog';
import { onDidChangeSignIn } from './azure/VSCodeSignIn';
import { registerErrorDetails } from './commands/common/errorDetails';
import { RunningOperations } from './commands/common/runningOperations';
import { registerCommands } from './commands/registerCommands';
import { offerUnfinishedRollouts } from './commands/rollOutSnapshot/rollOutSnapshot';
import { RolloutStore } from './commands/rollOutSnapshot/RolloutStore';
import { warnAboutWorkspaceOverrides } from './commands/signIn/warnAboutWorkspaceOverrides';
import { ext } from './extensionVariables';
import { PoolOptionDescriptor, POOL_OPTIONS } from './model/poolOptions';
import { AksTreeDataProvider } from './tree/AksTreeDataProvider';

/** What the extension hands its own test suites (only when VS Code runs it in test mode). */
export interface AksSnapshotsTestApi {
    readonly tree: AksTreeDataProvider;
    readonly services: AksServices;
    /** Lets a suite answer a command's questions and receive its errors (vscode-azext-utils' test seam). */
    readonly registerOnActionStartHandler: typeof registerOnActionStartHandler;
    /** One operation at a time per cluster or pool. */
    readonly operations: RunningOperations;
    /** Where VS Code keeps this extension's logs (the output channel among them). */
    readonly logUri: vscode.Uri;
    /** Roll-outs as persisted across reloads. */
    readonly rollouts: RolloutStore;
    /** Every option of a new pool, as declared once (a suite adds one to show that nothing else needs a change). */
    readonly poolOptions: PoolOptionDescriptor[];
}

export function activate(context: vscode.ExtensionContext): AksSnapshotsTestApi | undefined {
    // The time activation takes is read back by `npm run bench` (performance entry "aksSnapshots.activate").
    const activating = performance.mark('aksSnapshots.activating');
    ext.context = context;
    // src/azure also runs outside VS Code (the bench, the unit tests): its messages take VS Code's strings from here.
    if (vscode.l10n.bundle) {
        l10n.config({ contents: vscode.l10n.bundle });
    }
    ext.outputChannel = createAzExtLogOutputChannel(vscode.l10n.t('AKS Node Pool Snapshots'));
    context.subscriptions.push(ext.outputChannel);
    registerUIExtensionVariables(ext);
    // Reads at debug; each change Azure was sent at info, with the ids Azure support looks it up by.
    context.subscriptions.push(
        onAzureRequest((request) =>
            request.method === 'GET'
                ? ext.outputChannel.debug(formatAzureRequest(request))
                : ext.outputChannel.info(vscode.l10n.t('Change sent to Azure: {0}', formatAzureRequest(request))),
        ),
        registerErrorDetails(),
    );

    // The sign-in authority's public metadata, kept between windows in the extension's global storage (never a workspace's).
    const authorityMetadata = fileMetadataStore(path.join(context.globalStorageUri.fsPath, 'authority-metadata.json'));
    const services = new AksServices(new AzureAccount(readAccountSettings, process.env, authorityMetadata));
    setRequestsInFlight(readAccountSettings().maxRequestsInFlight);
    const tree = new AksTreeDataProvider(services);
    const operations = new RunningOperations();
    const view = vscode.window.createTreeView('aksSnapshots.resources', { treeDataProvider: tree, showCollapseAll: true });
    tree.attach(view);
    context.subscriptions.push(view);
    // The walkthrough may be open without the view: its first step reads the sign-in now (the tree says why if it fails).
    void tree.checkSignedIn().catch(() => undefined);
    // Once activation is done: what the view's first rows need, loaded before they are asked for.
    setTimeout(() => void services.account.prepare().catch(() => undefined), 0);
    context.subscriptions.push(
        vscode.workspace.onDidChangeConfiguration((e) => {
            if (ACCOUNT_SETTINGS.some((setting) => e.affectsConfiguration(setting))) {
                setRequestsInFlight(readAccountSettings().maxRequestsInFlight);
                warnAboutWorkspaceOverrides();
                tree.refresh();
            } else if (e.affectsConfiguration('aksSnapshots.behindDays')) {
                tree.refresh();
            }
        }),
    );
    // A sign-in or sign-out made anywhere (the Accounts menu, another extension) redraws the tree from the new accounts.
    context.subscriptions.push(
        onDidChangeSignIn(
            () => {
                try {
                    const { mode, cloud } = services.account.settings;
                    return mode === 'vscode' ? authProviderId(cloud) : undefined;
                } catch {
                    // A cloud setting that does not resolve: the tree already says why.
                    return undefined;
                }
            },
            () => void services.signInChanged().then((changed) => changed && tree.refresh()),
        ),
    );
    const rollouts = new RolloutStore(context.globalState);
    context.subscriptions.push(...registerCommands(services, tree, operations, rollouts));
    warnAboutWorkspaceOverrides();
    offerUnfinishedRollouts(rollouts);
    performance.measure('aksSnapshots.activate', activating.name);

    return context.extensionMode === vscode.ExtensionMode.Test
        ? { tree, services, registerOnActionStartHandler, operations, logUri: context.logUri, rollouts, poolOptions: POOL_OPTIONS }
        : undefined;
}

export function deactivate(): void {
    // Everything is disposed through context.subscriptions.
}
