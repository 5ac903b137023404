import { useState } from 'react';
import { Modal } from '../ui/Modal';
import { isJoinLink, joinFromInput, namesServer, rememberedServer } from './joinInput';

/**
 * Paste a join link, or type the code the host reads out (`K7Q4-MZ2P`) with
 * its server's address, remembered from last time; a bad one says what is wrong.
 */
export function JoinDialog({ onClose }: { onClose: () => void }) {
  const [text, setText] = useState('');
  const [server, setServer] = useState(rememberedServer);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // A link names its server, and so does "192.168.1.20:4455 · K7Q4-MZ2P": the field is only for a bare code.
  const needsServer = !isJoinLink(text) && !namesServer(text);
  const join = async () => {
    setBusy(true);
    setError(null);
    const problem = await joinFromInput(text, needsServer ? server : undefined);
    setBusy(false);
    setError(problem);
  };
  return (
    <Modal title="Join a session" onClose={onClose}>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          void join();
        }}
      >
        <Field
          label="Join link or code"
          testId="join-input"
          autofocus
          value={text}
          onChange={setText}
          placeholder="K7Q4-MZ2P, or http://192.168.1.20:4455/#/join/…"
        />
        {needsServer && (
          <Field
            label="Host’s address"
            testId="join-server"
            value={server}
            onChange={setServer}
            placeholder="192.168.1.20:4455"
          />
        )}
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Joining…' : 'Join'}
        </button>
      </form>
    </Modal>
  );
}

/** A labelled text field for codes and addresses: no autocorrect, no autofill. */
function Field(props: {
  label: string;
  testId: string;
  value: string;
  onChange: (v: string) => void;
  placeholder: string;
  /** The dialog opens with the caret here: a person types or pastes the code at once. */
  autofocus?: boolean;
}) {
  return (
    <label>
      {props.label}
      <input
        data-testid={props.testId}
        data-autofocus={props.autofocus || undefined}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        placeholder={props.placeholder}
        autoComplete="off"
        spellCheck={false}
      />
    </label>
  );
}
