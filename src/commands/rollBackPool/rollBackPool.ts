import { AzureWizard, IActionContext } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import type { AksServices } from '../../azure/AksServices';
import { azureNow } from '../../azure/azureClock';
import { parseArmId } from '../../model/armId';
import { rollbackChoices, ROLLBACK_DAYS } from '../../model/rollback';
import type { AksTreeDataProvider } from '../../tree/AksTreeDataProvider';
import { NodePoolItem } from '../../tree/NodePoolItem';
import type { LongOperationContext } from '../common/guardedChange';
import { refuseIfProblems } from '../common/refuseIfProblems';
import type { RunningOperations } from '../common/runningOperations';
import { promptWizard } from '../common/toldIfCancelled';
import { pickTreeElement } from '../pickTreeElement';
import { azShell, endFlow, FlowResult } from '../reportAzCommand';
import { ConfirmRollbackStep } from './ConfirmRollbackStep';
import type { RollBackPoolContext } from './RollBackPoolContext';
import { RollBackPoolStep } from './RollBackPoolStep';
import { RollbackVersionStep } from './RollbackVersionStep';
import { rollbackAzLine } from './rollbackSummary';
import { toShellScript } from '../../model/azCommands';
import { required } from '../../model/required';

/**
 * Right-click a node pool → Roll Back Pool… (or from the palette): back to a version AKS lists as recently used
 * for it, as AKS documents rollbacks (`src/model/rollback.ts`).
 */
export async function rollBackPool(
    context: IActionContext & LongOperationContext,
    services: AksServices,
    tree: AksTreeDataProvider,
    operations: RunningOperations,
    node?: NodePoolItem,
): Promise<FlowResult | undefined> {
    const item = await pickTreeElement(
        context,
        tree,
        [NodePoolItem.contextValue],
        node,
        vscode.l10n.t('Roll Back Pool: the node pool to roll back (type a pool, cluster or subscription name)'),
    );
    const id = required(parseArmId(item.pool.id), 'id');
    const service = await services.forSubscription(id.subscriptionId);
    const [cluster, pool, profile, supported] = await Promise.all([
        service.getCluster(item.pool.clusterId),
        service.getNodePool(item.pool.id),
        service.poolUpgradeProfile(item.pool.id),
        // AKS's versions for pools in this cluster; when unread, AKS itself judges the version.
        service.availablePoolVersions(item.pool.clusterId).catch(() => undefined),
    ]);
    const choices = rollbackChoices(pool, cluster, profile.recentlyUsed, azureNow(), supported);
    if (!choices.length) {
        void vscode.window.showInformationMessage(
            vscode.l10n.t(
                'AKS lists no earlier version for node pool "{0}": it keeps one for {1} days after an upgrade.',
                pool.name,
                ROLLBACK_DAYS,
            ),
        );
        return undefined;
    }
    // Nothing to choose: every reason at once, as a refusal (a picker with no usable row only leads to Esc).
    if (choices.every((c) => c.problems.length > 0)) {
        const reasons = choices.flatMap((c) => c.problems);
        refuseIfProblems(
            reasons.filter((p, i) => reasons.findIndex((q) => JSON.stringify(q) === JSON.stringify(p)) === i),
            vscode.l10n.t('Node pool "{0}" cannot be rolled back now.', pool.name),
        );
    }
    const wizardContext: RollBackPoolContext = { ...context, services, service, cluster, pool, choices, suppressNotification: true };
    const title = vscode.l10n.t('Roll back node pool "{0}"', pool.name);
    const wizard = new AzureWizard(wizardContext, {
        title,
        promptSteps: [new RollbackVersionStep(), new ConfirmRollbackStep()],
        executeSteps: [new RollBackPoolStep(tree, operations)],
    });
    await promptWizard(wizardContext, wizard, title);
    await wizard.execute();
    const version = required(wizardContext.version, 'version');
    const azCommand = toShellScript([rollbackAzLine(pool.id, version, profile.recentlyUsed)], azShell());
    return endFlow(tree, { id: pool.id, azCommand }, wizardContext, () =>
        vscode.l10n.t(
            'Rolled node pool "{0}" back to Kubernetes {1}, node image {2}.',
            pool.name,
            version.kubernetesVersion,
            version.nodeImageVersion,
        ),
    );
}
