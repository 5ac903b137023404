import { decodeBoard, encodeBoard } from '@shared/board/codec';
import { boardTextFromImage, embedInPng, embedInSvg, imageTypeOf, PNG_KEYWORDS } from '@shared/board/image/embedded';
import { pngTextOf } from '@shared/board/image/pngText';
import type { Board } from '@shared/board/types';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';

const board: Board = {
  question: 'chat',
  nodes: [
    { id: 'c', kind: 'client', label: 'Phone «app»', position: { x: 0, y: 0 } },
    { id: 'ws', kind: 'websocket_server', position: { x: 300, y: 0 }, props: { replicas: 4 } },
  ],
  edges: [{ id: 'e', source: 'c', target: 'ws', protocol: 'websocket', label: 'msgs <live>' }],
  notes: { high_level: 'Fan-out on write & presence' },
};

const png = () => new Uint8Array(PNG.sync.write(new PNG({ width: 2, height: 2 })));
const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="2" height="2"></svg>';

describe('boards embedded in exported images', () => {
  it('reopen from a PNG as the same board', () => {
    const text = boardTextFromImage(embedInPng(png(), { board: encodeBoard(board) }));
    expect(decodeBoard(text!)).toEqual({ ok: true, board });
  });

  it('reopen from an SVG as the same board', () => {
    const score = { rubric: 'chat', percent: 50, band: 'weak', earned: 5, possible: 10, steps: {}, missed: ['x'] };
    const bytes = new TextEncoder().encode(embedInSvg(svg, { board: encodeBoard(board), score }));
    expect(decodeBoard(boardTextFromImage(bytes)!)).toEqual({ ok: true, board });
  });

  it('are absent from ordinary images and from bytes that are not UTF-8', () => {
    expect(boardTextFromImage(png())).toBeNull();
    expect(boardTextFromImage(new TextEncoder().encode(svg))).toBeNull();
    expect(boardTextFromImage(new Uint8Array([0xff, 0xfe, 0x00]))).toBeNull();
  });

  it('are found by content, whatever the file is called', () => {
    expect(imageTypeOf(png())).toBe('png');
    expect(imageTypeOf(new TextEncoder().encode(`<?xml version="1.0"?>\n<!-- x -->\n${svg}`))).toBe('svg');
    expect(imageTypeOf(new TextEncoder().encode('{"format":"archdrill.board"}'))).toBeNull();
  });

  it('say which version of the embedding they use', () => {
    expect(pngTextOf(embedInPng(png(), { board: encodeBoard(board) }), PNG_KEYWORDS.version)).toBe('1');
  });
});
