import type { Server } from 'node:http';
/** File extension → Content-Type. */
export declare const MIME: Record<string, string>;
/** Headers sent with every response. */
export declare const SECURITY_HEADERS: Record<string, string>;
/** Maps a request path to a file under root, or undefined when it would leave root. */
export declare function resolveRequestPath(root: string, urlPath: string): Promise<string | undefined>;
/** Creates (does not start) the static server for root. */
export declare function createStaticServer(root: string): Server;
