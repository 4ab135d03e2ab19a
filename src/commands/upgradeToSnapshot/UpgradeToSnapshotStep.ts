import { AzureWizardExecuteStep } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import type { AksTreeDataProvider } from '../../tree/AksTreeDataProvider';
import { runLongOperation } from '../longOperation';
import type { UpgradeToSnapshotContext } from './UpgradeToSnapshotContext';

/** R6: node image only through upgradeNodeImageVersion with AKSSnapshotId; otherwise the whole-pool PUT. */
export class UpgradeToSnapshotStep extends AzureWizardExecuteStep<UpgradeToSnapshotContext> {
    priority = 100;

    constructor(private readonly tree: AksTreeDataProvider) {
        super();
    }

    async execute(context: UpgradeToSnapshotContext): Promise<void> {
        const { pool, snapshot, service } = context;
        const refresh = (): void => void this.tree.refreshSubscription(service.subscriptionId);
        const title = vscode.l10n.t('Upgrading node pool "{0}" to snapshot "{1}"', pool.name, snapshot!.name);
        const result = context.path === 'nodeImageOnly'
            ? await runLongOperation(context, title, (options) => service.upgradeNodeImageToSnapshot(pool.id, snapshot!.id, options), refresh)
            : await runLongOperation(context, title, (options) => service.upgradeNodePoolToSnapshot(pool.id, snapshot!, context.maxSurge || undefined, options), refresh);
        context.finished = result.done;
        await this.tree.refreshSubscription(service.subscriptionId);
    }

    shouldExecute(context: UpgradeToSnapshotContext): boolean {
        return context.finished === undefined;
    }
}
