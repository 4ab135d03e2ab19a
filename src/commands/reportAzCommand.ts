import * as vscode from 'vscode';
import { ext } from '../extensionVariables';

/** What a flow returns: what it made or changed, and the Azure CLI line that does the same. */
export interface FlowResult {
    readonly id: string;
    readonly azCommand: string;
}

/**
 * Ends a flow: logs the Azure CLI line that does the same thing and tells the person, offering to copy it,
 * so that what they just did can be scripted.
 */
export function reportDone(message: string, azCommand: string): void {
    ext.outputChannel.appendLog(vscode.l10n.t('Azure CLI equivalent: {0}', azCommand));
    const copy = vscode.l10n.t('Copy az command');
    void vscode.window.showInformationMessage(message, copy).then(async (choice) => {
        if (choice === copy) {
            await vscode.env.clipboard.writeText(azCommand);
        }
    });
}
