/** Types of rubricData.mjs (run by the CLI's build, plain Node). */
export declare const builtinRubricData: (root: string) => { data: Record<string, unknown>; files: string[] };
