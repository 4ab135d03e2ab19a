import { armError, ArmRequest, decodeSegment, Result } from './http';

/**
 * The emulator's routes: method + path pattern → handler. Patterns name their parameters in braces
 * (`/subscriptions/{subscriptionId}/resourceGroups/{resourceGroup}`); literal segments match case-insensitively,
 * as ARM's do. Each route has a name (`agentPools.put`) that the throttling rules and the records use.
 */

export type Params = Record<string, string>;
export type Handler = (request: ArmRequest, params: Params) => Result;

export interface Route {
    readonly name: string;
    readonly method: string;
    readonly pattern: string;
    readonly handler: Handler;
}

interface CompiledRoute extends Route {
    readonly segments: readonly string[];
}

export interface RouteMatch {
    readonly route: Route;
    readonly params: Params;
}

export class RouteTable {
    private readonly routes: CompiledRoute[] = [];

    add(name: string, method: string, pattern: string, handler: Handler): this {
        this.routes.push({ name, method: method.toUpperCase(), pattern, handler, segments: split(pattern) });
        return this;
    }

    /** The route for a request; a path that exists under another method answers 405, an unknown path 404. */
    match(method: string, pathname: string): RouteMatch {
        const segments = split(pathname);
        let pathExists = false;
        for (const route of this.routes) {
            const params = matchSegments(route.segments, segments);
            if (!params) {
                continue;
            }
            pathExists = true;
            if (route.method === method.toUpperCase() || (method.toUpperCase() === 'HEAD' && route.method === 'GET')) {
                return { route, params };
            }
        }
        if (pathExists) {
            throw armError(405, 'MethodNotAllowed', `The requested resource does not support http method '${method}'.`);
        }
        throw armError(404, 'NotFound', `No route for ${method} ${pathname}`);
    }
}

function split(path: string): string[] {
    return path.split('/').filter(Boolean);
}

function matchSegments(pattern: readonly string[], actual: readonly string[]): Params | undefined {
    if (pattern.length !== actual.length) {
        return undefined;
    }
    const params: Params = {};
    for (let i = 0; i < pattern.length; i++) {
        const p = pattern[i];
        if (p.startsWith('{') && p.endsWith('}')) {
            params[p.slice(1, -1)] = decodeSegment(actual[i]);
        } else if (p.toLowerCase() !== actual[i].toLowerCase()) {
            return undefined;
        }
    }
    return params;
}
