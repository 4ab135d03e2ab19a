import { AzureWizardExecuteStep, IActionContext } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import type { LongOperationOptions } from '../../azure/AksService';
import type { AksServices } from '../../azure/AksServices';
import { LostAnswerError, OperationEndedError } from '../../azure/azureErrors';
import { parseArmId } from '../../model/armId';
import type { AksTreeDataProvider } from '../../tree/AksTreeDataProvider';
import { LongOperationContext, runLongOperation } from '../longOperation';
import type { RunningOperations } from './runningOperations';

export interface LongOperationStepContext extends IActionContext, LongOperationContext {
    readonly services: AksServices;
    /** Undefined until the operation ran; false when the person stopped waiting or the answer was lost while Azure goes on. */
    finished?: boolean;
    /** What the person was told when it did not simply finish. */
    notice?: string;
}

/**
 * The one way a flow changes Azure: claims the resource (one operation at a time), runs the change under a
 * cancellable progress notification, turns what Azure says into what the person reads (a lost answer is read
 * back, an operation Azure failed or canceled is named as such), and refreshes the tree however it ended.
 */
export abstract class LongOperationStep<C extends LongOperationStepContext> extends AzureWizardExecuteStep<C> {
    priority = 100;

    constructor(protected readonly tree: AksTreeDataProvider, private readonly operations: RunningOperations) {
        super();
    }

    /** What the notification says while it runs. */
    protected abstract title(context: C): string;
    /** The resource the operation changes or makes (its ARM id). */
    protected abstract resourceId(context: C): string;
    /** Sends the change and waits for Azure to finish it. */
    protected abstract run(context: C, options: LongOperationOptions): Promise<void>;

    async execute(context: C): Promise<void> {
        const id = this.resourceId(context);
        const subscriptionId = parseArmId(id)?.subscriptionId ?? '';
        const title = this.title(context);
        const claim = this.operations.claim(id, title);
        try {
            const result = await runLongOperation(context, title, (options) => this.run(context, options), () => void this.tree.refreshSubscription(subscriptionId));
            this.record(context, result.done, result.done ? undefined : result.notice);
        } catch (error) {
            if (error instanceof LostAnswerError) {
                this.record(context, false, await tellAfterLostAnswer(context.services, id, title));
                return;
            }
            if (error instanceof OperationEndedError) {
                throw new Error(operationEndMessage(error, title));
            }
            throw error;
        } finally {
            claim.dispose();
            await this.tree.refreshSubscription(subscriptionId);
        }
    }

    shouldExecute(context: C): boolean {
        return context.finished === undefined;
    }

    /** How it ended: done, or not (the person stopped waiting, or the answer was lost) with what they were told. */
    protected record(context: C, finished: boolean, notice: string | undefined): void {
        context.finished = finished;
        context.notice = notice;
    }
}

/** Azure's own end of an operation, told apart from the person's cancel. */
export function operationEndMessage(error: OperationEndedError, title: string): string {
    return error.status === 'Canceled'
        ? vscode.l10n.t('"{0}" was canceled in Azure (not by you): {1} The view shows its state now.', title, error.message)
        : vscode.l10n.t('"{0}" failed in Azure: {1} ({2}). The view shows its state now.', title, error.message, error.code ?? 'Failed');
}

/**
 * After an answer was lost, reads the resource and says what Azure shows now: not there (nothing was done),
 * in the middle of an operation (it goes on), or at rest (with its state). Nothing is sent again.
 */
export async function tellAfterLostAnswer(services: AksServices, id: string, title: string): Promise<string> {
    const parsed = parseArmId(id);
    const name = parsed?.agentPool ?? parsed?.name ?? id;
    let message: string;
    try {
        const service = await services.forSubscription(parsed?.subscriptionId ?? '');
        const json = await service.getResourceJson(id);
        // A snapshot has no provisioning state: made, changed and deleted synchronously, it is at rest once read.
        const state = String(((json.properties ?? {}) as Record<string, unknown>).provisioningState ?? (/\/snapshots\//i.test(id) ? 'Succeeded' : ''));
        message = ['Succeeded', 'Failed', 'Canceled'].includes(state)
            ? vscode.l10n.t('The answer to "{0}" was lost. Azure now shows "{1}" as {2}; check it in the view before trying again.', title, name, state)
            : vscode.l10n.t('The answer to "{0}" was lost, but Azure shows "{1}" as {2}: the operation goes on in Azure. The view shows it as it goes.', title, name, state || '?');
    } catch (error) {
        message = (error as { statusCode?: number }).statusCode === 404
            ? vscode.l10n.t('The answer to "{0}" was lost, and Azure shows no "{1}": nothing was done. You can try again.', title, name)
            : vscode.l10n.t('The answer to "{0}" was lost and "{1}" could not be read back ({2}); refresh the view to see what Azure shows.', title, name, (error as Error).message);
    }
    void vscode.window.showWarningMessage(message);
    return message;
}
