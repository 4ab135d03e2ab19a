import { AzureWizardPromptStep } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { reimagingChannel } from '../../model/channels';
import { describeProblem } from '../describeProblem';
import type { AddNodePoolContext } from './AddNodePoolContext';

/**
 * R7: a pool added from a snapshot to a cluster whose automatic channels re-image its pools will not keep the
 * snapshot's image. Said before anything is sent, naming the channel; the person adds it anyway or stops.
 */
export class PinWarningStep extends AzureWizardPromptStep<AddNodePoolContext> {
    async prompt(context: AddNodePoolContext): Promise<void> {
        const warning = reimagingChannel(context.cluster!)!;
        await context.ui.showWarningMessage(
            vscode.l10n.t('Add node pool "{0}" to "{1}" from snapshot "{2}"?', context.poolName!, context.cluster!.name, context.snapshot!.name),
            { modal: true, detail: describeProblem(warning), stepName: 'pinWarning' },
            { title: vscode.l10n.t('Add Node Pool') },
        );
        context.pinWarningAccepted = true;
    }

    shouldPrompt(context: AddNodePoolContext): boolean {
        return !context.pinWarningAccepted && !!context.cluster && !!reimagingChannel(context.cluster);
    }
}
