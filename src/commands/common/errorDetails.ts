import { registerErrorHandler } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { requestIdOf } from '../../azure/azureErrors';
import { ext } from '../../extensionVariables';

/**
 * Every error a command shows names Azure's request ID when an answer came (what Azure support asks for), and
 * offers the log and a report of the product's own, in place of vscode-azext-utils' report.
 */
export function registerErrorDetails(): vscode.Disposable {
    return registerErrorHandler((context) => {
        const requestId = requestIdOf(context.error);
        if (requestId && context.error instanceof Error && !context.error.message.includes(requestId)) {
            context.error.message = vscode.l10n.t('{0} (Azure request ID: {1})', context.error.message, requestId);
        }
        context.errorHandling.suppressReportIssue = true;
        context.errorHandling.buttons = [
            { title: vscode.l10n.t('Show Log'), callback: async () => ext.outputChannel.show() },
            {
                title: vscode.l10n.t('Report Issue'),
                callback: async () => void (await vscode.commands.executeCommand('aksSnapshots.reportIssue')),
            },
        ];
    });
}
