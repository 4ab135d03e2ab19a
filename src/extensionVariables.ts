import type { IAzExtLogOutputChannel } from '@microsoft/vscode-azext-utils';
import type * as vscode from 'vscode';

/** The one namespace of extension-wide values, set once at activation. */
export namespace ext {
    export let context: vscode.ExtensionContext;
    /** The log (levels set by the person: every Azure request at debug). */
    export let outputChannel: IAzExtLogOutputChannel;
    export const prefix = 'aksSnapshots';
}
