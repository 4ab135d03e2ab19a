import type { IAzExtOutputChannel } from '@microsoft/vscode-azext-utils';
import type * as vscode from 'vscode';

/** The one namespace of extension-wide values, set once at activation. */
export namespace ext {
    export let context: vscode.ExtensionContext;
    export let outputChannel: IAzExtOutputChannel;
    export const prefix = 'aksSnapshots';
}
