import type { AksService } from '../../azure/AksService';
import type { Snapshot } from '../../model/aks';
import type { TagChange } from '../../model/tags';
import type { LongOperationStepContext } from '../common/LongOperationStep';
import { required } from '../../model/required';

export interface EditTagsContext extends LongOperationStepContext {
    readonly service: AksService;
    /** As read when the flow began, and as Azure has it after the change. */
    snapshot: Snapshot;
    /** The tag the person chose to change or remove; undefined when adding. */
    key?: string;
    kind?: TagChange['kind'];
    value?: string;
    /** The tags as Azure has them after the change. */
    result?: Record<string, string>;
    /** What was sent to ARM's Tags API, for the `az` line. */
    sent?: { readonly operation: 'Merge' | 'Delete'; readonly tags: Record<string, string> };
}

/** The change the person chose, with the value they saw of the tag they change or remove. */
export function tagChange(context: EditTagsContext): TagChange {
    const key = required(context.key, 'key');
    const was = context.snapshot.tags[key] ?? '';
    switch (required(context.kind, 'kind')) {
        case 'add':
            return { kind: 'add', key, value: context.value ?? '' };
        case 'change':
            return { kind: 'change', key, value: context.value ?? '', was };
        case 'remove':
            return { kind: 'remove', key, was };
    }
}
