import * as vscode from 'vscode';
import type { AccountSettings, AuthenticationMode } from './AzureAccount';
import { resolveCloud } from './clouds';

const MODES: readonly AuthenticationMode[] = ['vscode', 'azureCli', 'environment'];

/**
 * Reads the settings that decide where tokens go. Only the user's own (global) values count: a workspace
 * that sets them is ignored, so opening a folder can never send credentials to another endpoint.
 */
export function readAccountSettings(): AccountSettings {
    const mode = userValue<string>('aksSnapshots', 'authentication');
    return {
        mode: MODES.includes(mode as AuthenticationMode) ? (mode as AuthenticationMode) : 'vscode',
        cloud: resolveCloud(userValue<string>('microsoft-sovereign-cloud', 'environment'), userValue('microsoft-sovereign-cloud', 'customEnvironment')),
        selectedSubscriptions: userValue<string[]>('azureResourceGroups', 'selectedSubscriptions') ?? [],
    };
}

/** Settings whose change means new credentials or endpoints. */
export const ACCOUNT_SETTINGS = ['aksSnapshots.authentication', 'microsoft-sovereign-cloud', 'azureResourceGroups.selectedSubscriptions'];

function userValue<T>(section: string, key: string): T | undefined {
    const inspected = vscode.workspace.getConfiguration(section).inspect<T>(key);
    return inspected?.globalValue ?? inspected?.defaultValue;
}
