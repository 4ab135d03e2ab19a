import * as vscode from 'vscode';

/**
 * An AKS provisioning state in words a person reads (`UpgradingNodeImageVersion` → "Upgrading node image"); a
 * state the product does not know is split at its capitals.
 */
export function stateWords(state: string): string {
    switch (state.toLowerCase()) {
        case 'upgradingnodeimageversion':
            return vscode.l10n.t('Upgrading node image');
        case 'creating':
            return vscode.l10n.t('Creating');
        case 'updating':
            return vscode.l10n.t('Updating');
        case 'upgrading':
            return vscode.l10n.t('Upgrading');
        case 'scaling':
            return vscode.l10n.t('Scaling');
        case 'deleting':
            return vscode.l10n.t('Deleting');
        case 'starting':
            return vscode.l10n.t('Starting');
        case 'stopping':
            return vscode.l10n.t('Stopping');
        case 'canceling':
            return vscode.l10n.t('Canceling');
        case 'failed':
            return vscode.l10n.t('Failed');
        case 'canceled':
            return vscode.l10n.t('Canceled');
        case 'succeeded':
            return vscode.l10n.t('Succeeded');
        default:
            return state.replace(/([a-z])([A-Z])/g, (_m, a: string, b: string) => `${a} ${b.toLowerCase()}`);
    }
}
