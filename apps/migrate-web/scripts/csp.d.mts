/** Directives valid in a <meta http-equiv="Content-Security-Policy">. */
export declare const META_CSP: string;
/** META_CSP plus frame-ancestors 'none' (header only). */
export declare const HEADER_CSP: string;
