export declare const LOADER_MARKER: string;
export declare const COMPILE_HINT: string;
export declare function withCompileHint(js: string): string;
export declare const INTERACTION_EVENTS: string[];
export declare function hydrateWhenUsed(sources: string[], events: string[]): void;
export declare function isFlightData(src: string): boolean;
export declare function deferHydration(html: string): {
  html: string;
  sources: string[];
  flight: { src: string; js: string } | null;
};
export declare function deferredSources(html: string): string[];
export declare function deferredChunks(html: string): string[];
export declare function isDeferred(html: string): boolean;
export declare function chunkFile(src: string): string;
