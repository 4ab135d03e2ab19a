import * as vscode from 'vscode';
import { ext } from '../extensionVariables';
import { defaultShell, Shell } from '../model/azCommands';
import type { AksTreeDataProvider } from '../tree/AksTreeDataProvider';

/**
 * The shell the az lines are written for: the setting `aksSnapshots.azCommandShell`, or with `auto` VS Code's
 * default terminal profile where one is set, else the platform's (PowerShell on Windows, bash elsewhere).
 */
export function azShell(): Shell {
    const chosen = vscode.workspace.getConfiguration('aksSnapshots').get<string>('azCommandShell', 'auto');
    if (chosen === 'bash' || chosen === 'powershell' || chosen === 'cmd') {
        return chosen;
    }
    const platform = process.platform === 'win32' ? 'windows' : process.platform === 'darwin' ? 'osx' : 'linux';
    return defaultShell(process.platform, vscode.workspace.getConfiguration('terminal.integrated.defaultProfile').get<string>(platform));
}

/** What an action returns: the resource it made or changed, and what its last notification said. */
export interface ActionResult {
    readonly id: string;
    readonly notice?: string;
}

/** What a flow returns: also the Azure CLI line that does the same. */
export interface FlowResult extends ActionResult {
    readonly azCommand: string;
}

/**
 * Ends a flow: logs the Azure CLI line that does the same thing and tells the person, offering to copy it,
 * so that what they just did can be scripted.
 */
export function reportDone(message: string, azCommand: string): string {
    ext.outputChannel.appendLog(vscode.l10n.t('Azure CLI equivalent: {0}', azCommand));
    const copy = vscode.l10n.t('Copy az command');
    void vscode.window.showInformationMessage(message, copy).then(async (choice) => {
        if (choice === copy) {
            await vscode.env.clipboard.writeText(azCommand);
        }
    });
    return message;
}

/**
 * The one ending of every flow that changes Azure: when the change finished, the new or changed resource is
 * selected in the tree and the person is told, with the `az` line; otherwise (stopped waiting, answer lost) the
 * step has already said what Azure shows. Either way the flow returns what it made and its `az` line.
 */
export async function endFlow(
    tree: AksTreeDataProvider,
    result: FlowResult,
    context: { finished?: boolean; notice?: string },
    doneMessage: () => string,
): Promise<FlowResult> {
    if (context.finished) {
        await tree.reveal(result.id);
        return { ...result, notice: reportDone(doneMessage(), result.azCommand) };
    }
    return { ...result, notice: context.notice };
}
