import type { IActionContext } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import type { AksServices } from '../../azure/AksServices';
import { latestAzureRequests } from '../../azure/requestLog';
import { ext } from '../../extensionVariables';
import { issueReportMarkdown } from '../../model/issueReport';

/**
 * Opens VS Code's issue reporter for this extension with a problem report as the issue's body: the extension's and
 * VS Code's versions, the cloud's kind, the sign-in way and Azure's ids of the latest requests. No token,
 * subscription or resource name is in it; the person adds what they choose. VS Code in a browser opens the
 * extension's new-issue page without the body, so there the report also opens as a document, to copy from.
 */
export async function reportIssue(_context: IActionContext, services: AksServices): Promise<vscode.TextDocument | undefined> {
    const { cloud, mode } = services.account.settings;
    const content = issueReportMarkdown(
        {
            extensionVersion: String((ext.context.extension.packageJSON as { version?: string }).version),
            vscodeVersion: vscode.version,
            appHost: vscode.env.appHost,
            platform: `${process.platform} ${process.arch}`,
            cloud: cloud.isCustomCloud ? 'custom' : cloud.name,
            signIn: mode,
            requests: latestAzureRequests(),
        },
        {
            whatHappened: vscode.l10n.t('What happened'),
            hint: vscode.l10n.t(
                'What you did, what you expected and what you saw. Names of subscriptions and resources are yours to add or leave out.',
            ),
            environment: vscode.l10n.t('Where'),
            requests: vscode.l10n.t('Latest requests to Azure (names and ids replaced by …)'),
            noRequests: vscode.l10n.t('No request was sent to Azure in this window yet.'),
        },
    );
    const reporter = vscode.commands
        .executeCommand('vscode.openIssueReporter', { extensionId: ext.context.extension.id, issueBody: content })
        .then(undefined, (error: unknown) =>
            ext.outputChannel.warn(
                vscode.l10n.t('The issue reporter did not open: {0}', error instanceof Error ? error.message : String(error)),
            ),
        );
    if (vscode.env.uiKind !== vscode.UIKind.Web) {
        await reporter;
        return undefined;
    }
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content });
    await vscode.window.showTextDocument(document);
    const copy = vscode.l10n.t('Copy Report');
    void vscode.window
        .showInformationMessage(
            vscode.l10n.t(
                "The report holds versions and Azure's request IDs, no token and no names: add what you want, then paste it into the new issue.",
            ),
            copy,
        )
        .then(async (chosen) => chosen === copy && vscode.env.clipboard.writeText(document.getText()));
    await reporter;
    return document;
}
