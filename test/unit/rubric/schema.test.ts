import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatRubricError, parseRubric } from '../../../shared/rubric/parse';

const fixture = (name: string) => {
  const result = parseRubric(readFileSync(new URL(`../../fixtures/rubrics/${name}`, import.meta.url), 'utf8'), name);
  if (result.ok) throw new Error(`${name} should not parse`);
  return result.errors.map(formatRubricError);
};

describe('rubric schema errors name the file, the rule and the field', () => {
  it('unknown check type', () => {
    expect(fixture('unknown-check.yaml')).toEqual([
      'unknown-check.yaml: rule "ws-servers": check.type: unknown check type "foo"',
    ]);
  });

  it('missing weight', () => {
    expect(fixture('missing-weight.yaml')).toEqual(['missing-weight.yaml: rule "cache": weight: is required']);
  });

  it('bad step id', () => {
    const [msg] = fixture('bad-step.yaml');
    expect(msg).toMatch(/^bad-step\.yaml: rule "queue": step: unknown step "design" \(one of understand, scope/);
  });

  it('YAML syntax error, with its line', () => {
    // Inline, not a fixture file: the repo's YAML linter would reject a broken file.
    const text =
      'format: archdrill.rubric\nversion: 1\nrules:\n  - id: cache\n    check: { type: component-exists\n    weight: 1\n';
    const result = parseRubric(text, 'syntax-error.yaml');
    expect(result.ok || result.errors.map(formatRubricError)).toEqual([
      expect.stringMatching(/^syntax-error\.yaml:\d+: YAML syntax error: /),
    ]);
  });

  it('an option deep inside all/not (JSON)', () => {
    const [msg] = fixture('nested-option.json');
    expect(msg).toMatch(/^nested-option\.json: rule "lb-redundant": check\.all\[1\]\.not\.select\.kind: unknown kind "balancer"/);
  });

  it('a rule without an id is named by its position', () => {
    const text = readFileSync(new URL('../../fixtures/rubrics/minimal.json', import.meta.url), 'utf8').replace(
      '"id": "has-cache",',
      '',
    );
    const result = parseRubric(text, 'x.json');
    expect(result.ok || result.errors.map(formatRubricError)).toEqual(['x.json: rule #1: id: is required']);
  });

  it('an unknown estimate reference', () => {
    const text = readFileSync(new URL('../../fixtures/rubrics/minimal.json', import.meta.url), 'utf8').replace(
      '{ "type": "component-exists", "select": { "kind": "cache" } }',
      '{ "type": "estimate-within", "estimate": "qps" }',
    );
    const result = parseRubric(text, 'x.json');
    expect(result.ok || result.errors.map(formatRubricError)).toEqual([
      'x.json: rule "has-cache": check.estimate: unknown estimate "qps" (declare it under estimates)',
    ]);
  });

  it('a file that is not a rubric, or from a newer app', () => {
    expect(parseRubric('{"format":"archdrill.board","version":1}', 'b.json')).toMatchObject({
      ok: false,
      errors: [{ field: 'format' }],
    });
    expect(parseRubric('format: archdrill.rubric\nversion: 9\n', 'n.yaml')).toMatchObject({
      ok: false,
      errors: [{ field: 'version' }],
    });
  });

  it('a valid user rubric parses, with defaults applied to check options', () => {
    const result = parseRubric(
      readFileSync(new URL('../../fixtures/rubrics/minimal.json', import.meta.url), 'utf8'),
      'minimal.json',
    );
    expect(result).toMatchObject({
      ok: true,
      rubric: { id: 'minimal', rules: [{ check: { type: 'component-exists', min: 1 } }] },
    });
  });
});
