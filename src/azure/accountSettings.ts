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
        cloud: resolveCloud(
            userValue<string>('microsoft-sovereign-cloud', 'environment'),
            userValue('microsoft-sovereign-cloud', 'customEnvironment'),
        ),
        selectedSubscriptions: userValue<string[]>('azureResourceGroups', 'selectedSubscriptions') ?? [],
        workspaceOverrides: workspaceOverrides(),
        requestTimeoutSeconds: userValue<number>('aksSnapshots', 'requestTimeoutSeconds'),
        maxRequestsInFlight: userValue<number>('aksSnapshots', 'maxRequestsInFlight'),
    };
}

/** The settings that decide where tokens go. */
const TOKEN_SETTINGS: readonly [string, string][] = [
    ['aksSnapshots', 'authentication'],
    ['microsoft-sovereign-cloud', 'environment'],
    ['microsoft-sovereign-cloud', 'customEnvironment'],
];

/** Which of the settings that decide where tokens go the open workspace (or one of its folders) sets: all ignored. */
export function workspaceOverrides(): string[] {
    return TOKEN_SETTINGS.filter(([section, key]) => {
        const inspected = vscode.workspace.getConfiguration(section).inspect(key);
        return inspected?.workspaceValue !== undefined || inspected?.workspaceFolderValue !== undefined;
    }).map(([section, key]) => `${section}.${key}`);
}

/** Settings whose change means new credentials or endpoints. */
export const ACCOUNT_SETTINGS = [
    'aksSnapshots.authentication',
    'aksSnapshots.requestTimeoutSeconds',
    'aksSnapshots.maxRequestsInFlight',
    'microsoft-sovereign-cloud',
    'azureResourceGroups.selectedSubscriptions',
];

function userValue<T>(section: string, key: string): T | undefined {
    const inspected = vscode.workspace.getConfiguration(section).inspect<T>(key);
    return inspected?.globalValue ?? inspected?.defaultValue;
}
