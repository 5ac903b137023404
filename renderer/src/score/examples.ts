/**
 * Example designs per question (rubrics/examples): the textbook diagram and a
 * strong answer. The same files are the tests' fixtures, so every example is
 * known to score in its band.
 */
const FILES = import.meta.glob<string>('../../../rubrics/examples/*.archdrill.json', { query: '?raw', import: 'default' });

export interface Example {
  readonly question: string;
  /** `textbook` or `strong`. */
  readonly level: string;
  readonly fileName: string;
  load(): Promise<string>;
}

export const EXAMPLES: readonly Example[] = Object.entries(FILES).map(([path, load]) => {
  const fileName = path.replace(/^.*\//, '');
  const [question = '', level = ''] = fileName.replace(/\.archdrill\.json$/, '').split('.');
  return { question, level, fileName, load };
});

export const EXAMPLE_TITLES: Readonly<Record<string, string>> = {
  textbook: 'The textbook diagram',
  strong: 'A strong answer',
};

export const examplesFor = (question: string): readonly Example[] =>
  EXAMPLES.filter((e) => e.question === question).sort((a, b) => (a.level === 'textbook' ? -1 : b.level === 'textbook' ? 1 : 0));
