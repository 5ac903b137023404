import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { hasSubdocuments } from '../../../electron/sync/subdocuments';
import { seededRandom } from '../support/docNetwork';

/** What the server checked before (Yjs decodes every struct): the reference the fast walk must agree with. */
const decodedHasSubdocuments = (update: Uint8Array): boolean =>
  Y.decodeUpdate(update).structs.some((s) => s instanceof Y.Item && s.content instanceof Y.ContentDoc);

/** Every update a doc emits while `edit` runs, each transaction its own. */
const updatesOf = (edit: (doc: Y.Doc) => void): Uint8Array[] => {
  const doc = new Y.Doc();
  const out: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => out.push(u));
  edit(doc);
  return out;
};

/** Edits of every content kind Yjs encodes: any (every value type), string, format, embed, binary, JSON, types, deletions, XML. */
const everyContent = (doc: Y.Doc): void => {
  const map = doc.getMap('m');
  map.set('any', {
    n: 1,
    f: 1.5,
    big: 2n ** 40n,
    s: 'é',
    t: true,
    no: false,
    nil: null,
    arr: [1, 'x'],
    bin: new Uint8Array([1, 2]),
  });
  map.set('neg', -7);
  map.set('f32', 0.5);
  map.set('undef', undefined);
  map.set('bytes', new Uint8Array([9, 9, 9]));
  map.set('nested', new Y.Map());
  map.delete('neg');
  const text = doc.getText('t');
  text.insert(0, 'hello wörld');
  text.format(0, 5, { bold: true });
  text.insertEmbed(3, { image: 'x.png' });
  text.delete(1, 2);
  const arr = doc.getArray('a');
  arr.insert(0, [1, 'two', { three: 3 }, new Y.Text('inner'), new Y.Array()]);
  arr.delete(1, 1);
  const xml = doc.getXmlFragment('x');
  const el = new Y.XmlElement('div');
  el.setAttribute('class', 'c');
  // A hook (type ref 5, which carries a key like an element) is not in insert's type, but Yjs encodes it all the same.
  xml.insert(0, [el, new Y.XmlText('txt'), new Y.XmlHook('hook') as unknown as Y.XmlElement]);
  // Legacy ContentJSON (2): only older clients write it; encoded by hand below.
};

describe('hasSubdocuments (the server refuses subdocuments without building every struct)', () => {
  it('agrees with Yjs on an update of every content kind, each transaction alone and all merged', () => {
    const updates = updatesOf(everyContent);
    for (const u of [...updates, Y.mergeUpdates(updates)]) {
      expect(hasSubdocuments(u)).toBe(false);
      expect(decodedHasSubdocuments(u)).toBe(false);
    }
  });

  it('finds a subdocument wherever it sits: alone, after other content, nested in a map, merged with other edits', () => {
    const updates = updatesOf((doc) => {
      doc.getMap('m').set('before', 'x');
      doc.getMap('m').set('sub', new Y.Doc());
      doc.getArray('a').insert(0, [1, 2, new Y.Doc({ guid: 'g', meta: { k: [1] } })]);
      const nested = new Y.Map();
      doc.getMap('m').set('nested', nested);
      nested.set('deep', new Y.Doc());
    });
    const withDoc = updates.filter(decodedHasSubdocuments);
    expect(withDoc).toHaveLength(3);
    for (const u of withDoc) expect(hasSubdocuments(u)).toBe(true);
    expect(hasSubdocuments(Y.mergeUpdates([...updatesOf(everyContent), ...withDoc]))).toBe(true);
  });

  it('reads a legacy JSON content (ref 2), as older clients wrote it', () => {
    const doc = new Y.Doc();
    const arr = doc.getArray('a');
    // ContentJSON is what Yjs once wrote for array values; an update carrying one is built from an Item holding it.
    Y.transact(doc, () => {
      arr.insert(0, ['x']);
      const item = arr._start as Y.Item;
      item.content = new Y.ContentJSON(['"a"', 'undefined']);
    });
    const u = Y.encodeStateAsUpdate(doc);
    expect(decodedHasSubdocuments(u)).toBe(false);
    expect(hasSubdocuments(u)).toBe(false);
  });

  it('on corrupted updates never answers "no subdocument" where Yjs reads one (it throws or finds it)', () => {
    const random = seededRandom(17);
    const base = updatesOf((doc) => {
      everyContent(doc);
      doc.getMap('m').set('sub', new Y.Doc());
    });
    const merged = Y.mergeUpdates(base);
    let checked = 0;
    for (let i = 0; i < 3000; i++) {
      // One byte changed (most updates Yjs still reads), sometimes cut short as well.
      const cut = random() < 0.2 ? Math.max(1, Math.floor(random() * merged.length)) : merged.length;
      const u = new Uint8Array(merged.subarray(0, cut));
      u[Math.floor(random() * u.length)] = Math.floor(random() * 256);
      let reference: boolean;
      try {
        reference = decodedHasSubdocuments(u);
      } catch {
        continue;
      }
      checked++;
      let fast: boolean | 'threw';
      try {
        fast = hasSubdocuments(u);
      } catch {
        fast = 'threw';
      }
      if (reference) expect(fast).not.toBe(false);
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('throws on truncated input as Yjs does, so the connection is closed as malformed', () => {
    const [u] = updatesOf((doc) => doc.getMap('m').set('k', { a: 'value' }));
    expect(() => hasSubdocuments(u!.subarray(0, 6))).toThrow();
    expect(() => decodedHasSubdocuments(u!.subarray(0, 6))).toThrow();
  });
});
