import { AzureWizard, IActionContext, parseError } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { ext } from '../../extensionVariables';

/**
 * Asks a flow's questions. When the person ends the flow with Esc after answering at least one of them, it says so
 * (in the status bar and the log), so that what they typed is not silently gone: nothing was sent.
 */
export async function toldIfCancelled<T>(context: IActionContext, flow: string, ask: () => Promise<T>): Promise<T> {
    let answered = 0;
    const listening = context.ui.onDidFinishPrompt(() => answered++);
    try {
        return await ask();
    } catch (error) {
        if (parseError(error).isUserCancelledError && answered > 0) {
            const text = vscode.l10n.t('{0}: cancelled; nothing was sent.', flow);
            ext.outputChannel.appendLog(text);
            vscode.window.setStatusBarMessage(`$(circle-slash) ${text}`, 10_000);
        }
        throw error;
    } finally {
        listening.dispose();
    }
}

/** A wizard's questions, told if cancelled after an answer. */
export async function promptWizard<C extends IActionContext>(context: C, wizard: AzureWizard<C>, flow: string): Promise<void> {
    await toldIfCancelled(context, flow, () => wizard.prompt());
}
