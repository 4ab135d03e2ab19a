import * as vscode from 'vscode';

/** Read-only text documents of comparisons, served from memory under their own scheme (nothing is written to disk). */
export class ComparisonDocuments implements vscode.TextDocumentContentProvider {
    static readonly scheme = 'aks-snapshots-compare';
    private readonly contents = new Map<string, string>();
    private next = 0;

    register(): vscode.Disposable {
        return vscode.workspace.registerTextDocumentContentProvider(ComparisonDocuments.scheme, this);
    }

    /** A new document named `name` holding `text`. */
    add(name: string, text: string): vscode.Uri {
        const uri = vscode.Uri.from({ scheme: ComparisonDocuments.scheme, path: `/${name.replace(/[\\/]/g, '_')}.txt`, query: String(++this.next) });
        this.contents.set(uri.toString(), text);
        return uri;
    }

    provideTextDocumentContent(uri: vscode.Uri): string {
        return this.contents.get(uri.toString()) ?? '';
    }
}
