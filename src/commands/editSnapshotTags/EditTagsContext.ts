import type { AksService } from '../../azure/AksService';
import type { Snapshot } from '../../model/aks';
import type { TagChange } from '../../model/tags';
import type { LongOperationStepContext } from '../common/LongOperationStep';

export interface EditTagsContext extends LongOperationStepContext {
    readonly service: AksService;
    /** As read when the flow began (with its eTag); read again if it changed before the change was sent. */
    snapshot: Snapshot;
    /** The tag the person chose to change or remove; undefined when adding. */
    key?: string;
    kind?: TagChange['kind'];
    value?: string;
    /** The tags as Azure has them after the change. */
    result?: Record<string, string>;
}

export function tagChange(context: EditTagsContext): TagChange {
    return context.kind === 'remove' ? { kind: 'remove', key: context.key! } : { kind: context.kind!, key: context.key!, value: context.value ?? '' };
}
