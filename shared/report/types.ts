import type { Board } from '../board/types';
import type { StepId } from '../framework/steps';
import type { ScoreResult } from '../rules/types';
import type { Feedback } from '../session/feedback';

/** The question practised, as the rubric states it. */
export interface ReportQuestion {
  readonly id?: string;
  readonly title: string;
  /** The brief the candidate read: what to build and at what scale. */
  readonly prompt?: string;
}

/** Seconds per step: spent (from the interview timer) and, optionally, planned. */
export interface StepTime {
  readonly spent: number;
  readonly planned?: number;
}

/** Everything a report can show; only the board is required. */
export interface ReportInput {
  readonly board: Board;
  readonly question?: ReportQuestion;
  /** The rules engine's verdict on this board against the question's rubric. */
  readonly score?: ScoreResult;
  /** Names of rules by id (the rubric's `concept`), used as headings of hints. */
  readonly ruleNames?: Readonly<Record<string, string>>;
  readonly times?: Partial<Readonly<Record<StepId, StepTime>>>;
  /** The interviewer's ratings and comments, per step and overall (pair practice). */
  readonly feedback?: Feedback;
  /** When the report was made, as the caller wants it printed (kept out of the pure code's reach of a clock). */
  readonly generatedAt?: string;
}

/** How a renderer refers to the picture of the board. */
export interface ReportImage {
  /** A data URL (self-contained HTML) or a file name beside the report (Markdown). */
  readonly src: string;
  readonly width?: number;
  readonly height?: number;
}

/** The attempt file (with its replay) a report links to, so whoever reads it can watch the interview back. */
export interface ReportReplay {
  /** The file's name, e.g. `url-shortener-replay.archdrill-attempts.json`. */
  readonly name: string;
  /**
   * A data URL (the HTML report carries the file) or the file's name beside
   * the report (Markdown). Absent when the file is too large to carry: the
   * report then says to send the attempt file with it.
   */
  readonly href?: string;
  /** The file's size, shown beside the link. */
  readonly bytes: number;
}
