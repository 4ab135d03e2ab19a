import type { IActionContext } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import type { AksServices } from '../../azure/AksServices';
import type { AksTreeDataProvider } from '../../tree/AksTreeDataProvider';

/** Signs in the way the `aksSnapshots.authentication` setting says. */
export async function signIn(_context: IActionContext, services: AksServices, tree: AksTreeDataProvider): Promise<void> {
    const { mode } = services.account.settings;
    if (mode === 'vscode') {
        await services.account.signInWithVSCode();
        await tree.checkSignedIn();
    } else if (mode === 'azureCli') {
        const terminal = vscode.window.createTerminal(vscode.l10n.t('Azure CLI sign-in'));
        terminal.show();
        terminal.sendText('az login');
        void vscode.window.showInformationMessage(
            vscode.l10n.t('Finish "az login" in the terminal, then refresh the AKS Node Pool Snapshots view.'),
        );
    } else {
        void vscode.window.showInformationMessage(
            vscode.l10n.t(
                'The "environment" sign-in reads AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET (or AZURE_CLIENT_CERTIFICATE_PATH) from the environment VS Code was started in.',
            ),
        );
    }
    tree.refresh();
}
