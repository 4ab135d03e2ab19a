import * as vscode from 'vscode';
import { applyTagChange, tagPatch } from '../../model/tags';
import { LongOperationStep } from '../common/LongOperationStep';
import { EditTagsContext, tagChange } from './EditTagsContext';

/**
 * Sends only the intended change, through ARM's Tags API, which applies it to the tags as they are in Azure
 * then: a colleague's tags are never dropped, whether or not Azure gives the snapshot an eTag. The snapshot is
 * read again just before, so that a tag someone else changed or removed meanwhile is not changed over them: the
 * flow stops and says why.
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
        const now = await context.service.getSnapshot(context.snapshot.id);
        if (!applyTagChange(now.tags, change)) {
            throw new Error(
                vscode.l10n.t(
                    'Tag "{0}" of snapshot "{1}" was changed by someone else meanwhile, so this change no longer applies; nothing was sent. Its tags now: {2}',
                    change.key,
                    now.name,
                    Object.entries(now.tags)
                        .map(([k, v]) => `${k}=${v}`)
                        .join(', ') || vscode.l10n.t('none'),
                ),
            );
        }
        const { operation, tags } = tagPatch(now.tags, change);
        context.sent = { operation, tags };
        context.result = await context.service.changeTags(now.id, operation, tags);
        context.snapshot = { ...now, tags: context.result };
    }
}
