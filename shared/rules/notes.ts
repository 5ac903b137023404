import { STEP_IDS, type StepId } from '../framework/steps';
import type { BoardGraph } from './graph';

/** A passage of the candidate's writing: a step's notes, or a text annotation on the canvas. */
export interface NoteSource {
  /** The step id, or "canvas" for a text annotation. */
  readonly step: string;
  readonly text: string;
  /** Set for a canvas annotation, so the UI can select it. */
  readonly nodeId?: string;
}

/**
 * The writing a notes check reads. With `steps`, only those steps' notes;
 * without, every step's notes plus the text annotations on the canvas
 * (candidates often write their deep dive beside the diagram).
 */
export const noteSources = (graph: BoardGraph, steps?: readonly StepId[]): NoteSource[] => {
  const notes = graph.board.notes;
  const wanted = steps ?? STEP_IDS;
  const out: NoteSource[] = [];
  for (const step of wanted) {
    const text = notes[step];
    if (text) out.push({ step, text });
  }
  if (steps === undefined)
    for (const n of graph.nodesByKind.get('text') ?? []) if (n.label) out.push({ step: 'canvas', text: n.label, nodeId: n.id });
  return out;
};
