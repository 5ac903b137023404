/**
 * The built-in rubrics' data (each rubrics/ID.yaml as read, not yet
 * validated), by id, for loadBuiltinRubric. Empty here: the CLI's bundle
 * (electron/build/cli.mjs) puts the data in this module's place, so a bundled
 * run reads no YAML (importing and running the YAML parser was the largest
 * part of a spawned export's start-up). The bundle counts the YAML files
 * among its sources, so an edited rubric makes it stale.
 */
export const compiledRubrics: Readonly<Record<string, unknown>> = {};
