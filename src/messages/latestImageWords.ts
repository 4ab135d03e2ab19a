import * as vscode from 'vscode';
import { daysBehind, LatestNodeImage } from '../model/versions';

/**
 * AKS's latest node image beside the one a pool or snapshot has: "X (14 days newer)", "X (this is it)", or why it is
 * not known. For tooltips and Compare.
 */
export function latestImageWords(image: string | undefined, latest: LatestNodeImage | undefined): string {
    if (!latest) {
        return vscode.l10n.t('unknown: no listed pool in the region runs this image family to ask AKS');
    }
    if ('unread' in latest) {
        return vscode.l10n.t('could not be read ({0})', latest.unread);
    }
    const days = image ? daysBehind(image, latest.latest) : undefined;
    return latest.latest === image || days === 0
        ? vscode.l10n.t('{0} (this is it)', latest.latest)
        : days === undefined
          ? latest.latest
          : vscode.l10n.t('{0} ({1} days newer)', latest.latest, days);
}
