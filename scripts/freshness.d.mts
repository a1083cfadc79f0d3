export declare const SOURCES: string[];
export declare const STAMP: string;
export declare function newestMtime(path: string): number;
export declare function needsBuild(root: string): boolean;
export declare function buildIfStale(root: string, who?: string): boolean;
