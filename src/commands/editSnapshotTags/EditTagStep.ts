import * as vscode from 'vscode';
import { ResourceChangedError } from '../../azure/azureErrors';
import { applyTagChange } from '../../model/tags';
import { LongOperationStep } from '../common/LongOperationStep';
import { EditTagsContext, tagChange } from './EditTagsContext';

/** Tries the change on tags read again this many times when others keep changing them. */
const ATTEMPTS = 3;

/**
 * Sends only the intended change: the one tag applied to the tags as last read, guarded by that read's eTag.
 * When someone changed the tags meanwhile (412), they are read again and the same one change is applied to
 * them: a colleague's tags are never dropped. A change that no longer applies stops and says why.
 */
export class EditTagStep extends LongOperationStep<EditTagsContext> {
    protected title(context: EditTagsContext): string {
        return vscode.l10n.t('Changing the tags of snapshot "{0}"', context.snapshot.name);
    }

    protected resourceId(context: EditTagsContext): string {
        return context.snapshot.id;
    }

    protected async run(context: EditTagsContext): Promise<void> {
        const change = tagChange(context);
        for (let attempt = 1; ; attempt++) {
            const { snapshot } = context;
            const tags = applyTagChange(snapshot.tags, change);
            if (!tags) {
                throw new Error(vscode.l10n.t('Tag "{0}" of snapshot "{1}" was changed by someone else meanwhile, so this change no longer applies; nothing was sent. Its tags now: {2}',
                    change.key, snapshot.name, Object.entries(snapshot.tags).map(([k, v]) => `${k}=${v}`).join(', ') || vscode.l10n.t('none')));
            }
            try {
                context.snapshot = await context.service.updateSnapshotTags(snapshot.resourceGroup, snapshot.name, tags, snapshot.eTag);
                context.result = { ...context.snapshot.tags };
                return;
            } catch (error) {
                if (!(error instanceof ResourceChangedError) || attempt >= ATTEMPTS) {
                    throw error;
                }
                context.snapshot = await context.service.getSnapshot(snapshot.resourceGroup, snapshot.name);
            }
        }
    }
}
