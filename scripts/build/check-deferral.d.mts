export declare function manifestChunks(nextDir: string): Set<string>;
export declare function scriptSources(html: string): string[];
export declare function eagerManifestChunks(html: string, chunks: Set<string>): string[];
export declare function listedDeferredChunks(html: string, chunks: Set<string>): string[];
export declare function hasInlineFlightData(html: string): boolean;
