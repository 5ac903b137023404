import { boardRoots } from '@shared/board/doc';
import {
  DEFAULT_ESTIMATE_INPUT,
  type EstimateInput,
  type EstimateMode,
  estimate,
  estimatesToNotes,
} from '@shared/interview/estimates';
import { formatBandwidth, formatBytes, formatCount, formatRate, parseCount } from '@shared/interview/format';
import { useEffect, useId, useState } from 'react';
import { useBoardSession } from '../board/context';

const BYTE_UNITS = { B: 1, KB: 1e3, MB: 1e6 } as const;
type ByteUnit = keyof typeof BYTE_UNITS;

/** The form as typed: strings, so "10M" and a half-typed "1." survive until they parse. */
type Fields = Record<Exclude<keyof EstimateInput, 'mode' | 'recordBytes'>, string> & { record: string };

const initialFields = (i: EstimateInput): Fields => ({
  dau: formatCount(i.dau),
  requestsPerUserPerDay: String(i.requestsPerUserPerDay),
  writesPerMonth: formatCount(i.writesPerMonth),
  readsPerWrite: String(i.readsPerWrite),
  record: String(i.recordBytes),
  retentionYears: String(i.retentionYears),
  replication: String(i.replication),
  qpsPerServer: formatCount(i.qpsPerServer),
  peakFactor: String(i.peakFactor),
});

/** What was typed last, so switching step tabs (which unmounts the calculator) keeps it for this page's life. */
let remembered: { mode: EstimateMode; fields: Fields; unit: ByteUnit } = {
  mode: DEFAULT_ESTIMATE_INPUT.mode,
  fields: initialFields(DEFAULT_ESTIMATE_INPUT),
  unit: 'B',
};

const num = (s: string): number => parseCount(s) ?? Number.NaN;

const LABELS: Readonly<Record<string, string>> = {
  dau: 'Daily active users',
  requestsPerUserPerDay: 'Requests per user per day',
  writesPerMonth: 'Writes per month',
  readsPerWrite: 'Reads per write',
  recordBytes: 'Record size',
  retentionYears: 'Retention',
  replication: 'Replication',
  qpsPerServer: 'QPS per server',
  peakFactor: 'Peak factor',
};

/**
 * The back-of-the-envelope calculator shown with the scope step. Figures
 * update as you type; "Insert into notes" appends them to the scope notes in
 * the wording the rubric's estimate rules read ("Read QPS ≈ 3.9K/s").
 */
export function EstimateCalculator({ readOnly }: { readOnly?: boolean }) {
  const { doc, editor } = useBoardSession();
  const [mode, setMode] = useState<EstimateMode>(remembered.mode);
  const [fields, setFields] = useState<Fields>(remembered.fields);
  const [unit, setUnit] = useState<ByteUnit>(remembered.unit);
  const id = useId();
  useEffect(() => {
    remembered = { mode, fields, unit };
  }, [mode, fields, unit]);

  const result = estimate({
    mode,
    dau: num(fields.dau),
    requestsPerUserPerDay: num(fields.requestsPerUserPerDay),
    writesPerMonth: num(fields.writesPerMonth),
    readsPerWrite: num(fields.readsPerWrite),
    recordBytes: num(fields.record) * BYTE_UNITS[unit],
    retentionYears: num(fields.retentionYears),
    replication: num(fields.replication),
    qpsPerServer: num(fields.qpsPerServer),
    peakFactor: num(fields.peakFactor),
  });

  const field = (key: keyof Fields, label: string, suffix?: string, hint?: string) => (
    <label className="calc-field" key={key}>
      <span>{label}</span>
      <span className="calc-input">
        <input
          inputMode="decimal"
          value={fields[key]}
          aria-label={label}
          title={hint}
          data-testid={`calc-${key}`}
          onChange={(e) => setFields((f) => ({ ...f, [key]: e.target.value }))}
        />
        {suffix && <span className="muted small">{suffix}</span>}
      </span>
    </label>
  );

  const insert = () => {
    if (!result.ok) return;
    const prev = boardRoots(doc).notes.get('scope')?.toString() ?? '';
    const sep = prev === '' ? '' : prev.endsWith('\n\n') ? '' : prev.endsWith('\n') ? '\n' : '\n\n';
    editor.setNotes('scope', `${prev}${sep}${estimatesToNotes(result.result)}\n`);
  };

  const error = result.ok ? null : result.error.replace(/^(\w+)/, (k) => LABELS[k] ?? k);
  const r = result.ok ? result.result : null;
  return (
    <section className="estimate-calculator" aria-label="Estimate calculator" data-testid="estimate-calculator">
      <div className="calc-mode" role="radiogroup" aria-label="Start from">
        {(
          [
            ['writesPerMonth', 'Writes per month'],
            ['dau', 'Daily active users'],
          ] as const
        ).map(([m, label]) => (
          <label key={m}>
            <input type="radio" name={id} checked={mode === m} onChange={() => setMode(m)} data-testid={`calc-mode-${m}`} />
            {label}
          </label>
        ))}
      </div>
      <div className="calc-grid">
        {mode === 'dau' ? (
          <>
            {field('dau', 'Daily active users', 'users', 'e.g. 10M')}
            {field('requestsPerUserPerDay', 'Requests per user per day', '/user/day', 'reads and writes together')}
          </>
        ) : (
          field('writesPerMonth', 'Writes per month', '/month', 'e.g. 100M new records a month')
        )}
        {field('readsPerWrite', 'Read:write ratio', ': 1')}
        <label className="calc-field">
          <span>Record size</span>
          <span className="calc-input">
            <input
              inputMode="decimal"
              value={fields.record}
              aria-label="Record size"
              data-testid="calc-record"
              onChange={(e) => setFields((f) => ({ ...f, record: e.target.value }))}
            />
            <select aria-label="Record size unit" value={unit} onChange={(e) => setUnit(e.target.value as ByteUnit)}>
              {Object.keys(BYTE_UNITS).map((u) => (
                <option key={u}>{u}</option>
              ))}
            </select>
          </span>
        </label>
        {field('retentionYears', 'Retention', 'years')}
        {field('replication', 'Replication', '×')}
        {field('peakFactor', 'Peak factor', '× average', 'usually 2–3')}
        {field('qpsPerServer', 'QPS per server', '/s')}
      </div>

      {error && (
        <p className="form-error" role="alert" data-testid="calc-error">
          {error}
        </p>
      )}
      <dl className="calc-results" data-testid="calc-results" aria-live="polite">
        <dt>Write QPS</dt>
        <dd data-testid="calc-write-qps">{r ? formatRate(r.writeQps) : '—'}</dd>
        <dt>Read QPS</dt>
        <dd data-testid="calc-read-qps">{r ? formatRate(r.readQps) : '—'}</dd>
        <dt>Peak QPS</dt>
        <dd data-testid="calc-peak-qps">{r ? formatRate(r.peakQps) : '—'}</dd>
        <dt>Storage</dt>
        <dd data-testid="calc-storage">{r ? formatBytes(r.storageBytes) : '—'}</dd>
        <dt>Bandwidth in / out</dt>
        <dd data-testid="calc-bandwidth">
          {r ? `${formatBandwidth(r.ingressBytesPerSec)} / ${formatBandwidth(r.egressBytesPerSec)}` : '—'}
        </dd>
        <dt>Servers</dt>
        <dd data-testid="calc-servers">{r ? r.servers : '—'}</dd>
      </dl>
      <button type="button" className="secondary" data-testid="calc-insert" disabled={!r || readOnly} onClick={insert}>
        Insert into scope notes
      </button>
    </section>
  );
}
