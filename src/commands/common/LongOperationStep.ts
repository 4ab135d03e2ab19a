import { AzureWizardExecuteStep, IActionContext } from '@microsoft/vscode-azext-utils';
import type { LongOperationOptions } from '../../azure/AksService';
import type { AksServices } from '../../azure/AksServices';
import type { ResourceChangedError } from '../../azure/azureErrors';
import type { AksTreeDataProvider } from '../../tree/AksTreeDataProvider';
import { finishedOrTold, LongOperationContext, runGuardedChange } from './guardedChange';
import type { RunningOperations } from './runningOperations';
import { required } from '../../model/required';

export interface LongOperationStepContext extends IActionContext, LongOperationContext {
    readonly services: AksServices;
    /** Undefined until the operation ran; false when the person stopped waiting or the answer was lost while Azure goes on. */
    finished?: boolean;
    /** What the person was told when it did not simply finish. */
    notice?: string;
}

/**
 * A wizard's execute step that changes Azure: it names the change (title, resource, the write) and hands it to the
 * guarded change (`guardedChange.ts`), which owns how every change is made; then records how it ended.
 */
export abstract class LongOperationStep<C extends LongOperationStepContext> extends AzureWizardExecuteStep<C> {
    priority = 100;

    constructor(
        protected readonly tree: AksTreeDataProvider,
        private readonly operations: RunningOperations,
    ) {
        super();
    }

    /** What the notification says while it runs. */
    protected abstract title(context: C): string;
    /** The resource the operation changes or makes (its ARM id). */
    protected abstract resourceId(context: C): string;
    /** Sends the change and waits for Azure to finish it. */
    protected abstract run(context: C, options: LongOperationOptions): Promise<void>;
    /** False for a step that acts on the operation running on the resource (an abort): see `GuardedChange.claims`. */
    protected readonly claims: boolean = true;
    /** When the resource changed since the person confirmed: read again, check again, ask again, or throw to stop. */
    protected reconfirm?(context: C, changed: ResourceChangedError): Promise<void>;

    async execute(context: C): Promise<void> {
        const outcome = await runGuardedChange({ services: context.services, operations: this.operations, tree: this.tree }, context, {
            title: this.title(context),
            resourceId: this.resourceId(context),
            send: (options) => this.run(context, options),
            reconfirm: this.reconfirm ? (changed) => required(this.reconfirm, 'reconfirm')(context, changed) : undefined,
            claims: this.claims,
        });
        const { finished, notice } = finishedOrTold(outcome);
        this.record(context, finished, notice);
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
