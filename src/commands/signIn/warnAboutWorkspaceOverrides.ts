import * as vscode from 'vscode';
import { workspaceOverrides } from '../../azure/accountSettings';

let told = '';

/** Tells the person once (per set of settings) that the workspace's values for where tokens go are ignored. */
export function warnAboutWorkspaceOverrides(): void {
    const names = workspaceOverrides();
    if (names.length === 0 || names.join() === told) {
        return;
    }
    told = names.join();
    void vscode.window.showWarningMessage(
        vscode.l10n.t(
            'This workspace sets {0}, which decides where your Azure token is sent. AKS Node Pool Snapshots ignores workspace values for it and uses your user settings only.',
            names.join(', '),
        ),
    );
}
