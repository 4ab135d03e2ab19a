import * as vscode from 'vscode';
import type { LongOperationOptions } from '../../azure/AksService';
import { LongOperationStep } from '../common/LongOperationStep';
import type { RollBackPoolContext } from './RollBackPoolContext';
import { required } from '../../model/required';

/** The rollback: the pool PUT with a recently used `nodeImageVersion`, guarded by the eTag the person confirmed. */
export class RollBackPoolStep extends LongOperationStep<RollBackPoolContext> {
    protected title(context: RollBackPoolContext): string {
        return vscode.l10n.t(
            'Rolling node pool "{0}" back to node image {1}',
            context.pool.name,
            required(context.version, 'version').nodeImageVersion,
        );
    }

    protected resourceId(context: RollBackPoolContext): string {
        return context.pool.id;
    }

    protected async run(context: RollBackPoolContext, options: LongOperationOptions): Promise<void> {
        await context.service.rollBackNodePool(context.pool, required(context.version, 'version'), options);
    }
}
