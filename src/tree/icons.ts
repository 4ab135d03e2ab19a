import * as vscode from 'vscode';
import { ext } from '../extensionVariables';

/** An icon from `media/`. */
export function mediaIcon(name: 'cluster' | 'nodePool' | 'snapshot'): vscode.Uri {
    return vscode.Uri.joinPath(ext.context.extensionUri, 'media', `${name}.svg`);
}
