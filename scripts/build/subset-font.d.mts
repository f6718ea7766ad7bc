export declare const SOURCE: string;
export declare const TARGET: string;
export declare const FAMILY: string;
export declare const WEIGHT: number;
export declare const CHARACTERS: string;
export declare function headingFont(): Promise<Buffer>;
export declare function headingFontCss(): Promise<string>;
