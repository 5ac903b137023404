/** Types of cliBundle.mjs (plain JavaScript, so the bin can ask before tsx loads). */
export declare const MANIFEST: string;
export declare const freshBundle: (root: string, bundleDir: string) => string | null;
