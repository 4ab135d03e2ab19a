import { AzureWizard, AzureWizardPromptStep, ExecuteActivityContext, IActionContext } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import type { AksService, LongOperationOptions } from '../../azure/AksService';
import type { AksServices } from '../../azure/AksServices';
import { parseArmId } from '../../model/armId';
import { operationAbortCommand, toShellLine } from '../../model/azCommands';
import { isTerminalState } from '../../model/provisioning';
import type { AksTreeDataProvider } from '../../tree/AksTreeDataProvider';
import { ClusterItem } from '../../tree/ClusterItem';
import { IN_OPERATION, NodePoolItem } from '../../tree/NodePoolItem';
import { stateWords } from '../../tree/stateWords';
import type { LongOperationContext } from '../common/guardedChange';
import { LongOperationStep, LongOperationStepContext } from '../common/LongOperationStep';
import type { RunningOperations } from '../common/runningOperations';
import { promptWizard } from '../common/toldIfCancelled';
import { pickTreeElement } from '../pickTreeElement';
import { azShell, endFlow, FlowResult } from '../reportAzCommand';
import { required } from '../../model/required';

interface AbortContext extends LongOperationStepContext, Partial<ExecuteActivityContext> {
    readonly service: AksService;
    readonly resourceId: string;
    /** "node pool "gpu"" or "cluster "aks-prod"", as the person reads it. */
    readonly what: string;
    readonly state: string;
    confirmed?: boolean;
}

class ConfirmAbortStep extends AzureWizardPromptStep<AbortContext> {
    async prompt(context: AbortContext): Promise<void> {
        await context.ui.showWarningMessage(
            vscode.l10n.t('Abort the operation running on {0} ({1})?', context.what, stateWords(context.state)),
            {
                modal: true,
                stepName: 'confirmAbort',
                detail: [
                    vscode.l10n.t(
                        'AKS moves it to Canceling, then Canceled. What the operation already did stays done: nodes already upgraded keep their new version.',
                    ),
                    vscode.l10n.t('If the operation ends before AKS can cancel it, Azure answers 409 and nothing changes.'),
                    vscode.l10n.t('Afterwards, retry the change, or roll the pool back.'),
                ].join('\n'),
            },
            { title: vscode.l10n.t('Abort Operation') },
        );
        context.confirmed = true;
    }

    shouldPrompt(context: AbortContext): boolean {
        return !context.confirmed;
    }
}

/** `abortLatestOperation`, sent once; it claims nothing, since it acts on the operation running (maybe started here). */
class AbortOperationStep extends LongOperationStep<AbortContext> {
    protected readonly claims = false;

    protected title(context: AbortContext): string {
        return vscode.l10n.t('Aborting the operation on {0}', context.what);
    }

    protected resourceId(context: AbortContext): string {
        return context.resourceId;
    }

    protected async run(context: AbortContext, options: LongOperationOptions): Promise<void> {
        await context.service.abortLatestOperation(context.resourceId, options);
    }
}

/** Right-click a pool or cluster in an operation → Abort Operation… (or from the palette, picking one). */
export async function abortOperation(
    context: IActionContext & LongOperationContext,
    services: AksServices,
    tree: AksTreeDataProvider,
    operations: RunningOperations,
    node?: NodePoolItem | ClusterItem,
): Promise<FlowResult | undefined> {
    const item = await pickTreeElement<NodePoolItem | ClusterItem>(
        context,
        tree,
        [IN_OPERATION],
        node,
        vscode.l10n.t('Abort Operation: the node pool or cluster whose running operation to abort'),
    );
    const resourceId = item instanceof NodePoolItem ? item.pool.id : item.cluster.id;
    const service = await services.forSubscription(required(parseArmId(resourceId), 'resourceId').subscriptionId);
    // Fresh state: the operation may have ended since the tree was read.
    const current = item instanceof NodePoolItem ? await service.getNodePool(resourceId) : await service.getCluster(resourceId);
    const what =
        item instanceof NodePoolItem ? vscode.l10n.t('node pool "{0}"', current.name) : vscode.l10n.t('cluster "{0}"', current.name);
    if (isTerminalState(current.provisioningState)) {
        void vscode.window.showInformationMessage(
            vscode.l10n.t(
                'No operation runs on {0} now (it is {1}): there is nothing to abort.',
                what,
                stateWords(current.provisioningState ?? '?'),
            ),
        );
        void tree.refreshSubscription(service.subscriptionId);
        return undefined;
    }
    const wizardContext: AbortContext = {
        ...context,
        services,
        service,
        resourceId,
        what,
        state: current.provisioningState ?? '?',
        suppressNotification: true,
    };
    const title = vscode.l10n.t('Abort the operation on {0}', what);
    const wizard = new AzureWizard(wizardContext, {
        title,
        promptSteps: [new ConfirmAbortStep()],
        executeSteps: [new AbortOperationStep(tree, operations)],
    });
    await promptWizard(wizardContext, wizard, title);
    await wizard.execute();
    return endFlow(tree, { id: resourceId, azCommand: toShellLine(operationAbortCommand(resourceId), azShell()) }, wizardContext, () =>
        vscode.l10n.t('Aborted the operation on {0}: AKS shows it Canceled.', what),
    );
}
