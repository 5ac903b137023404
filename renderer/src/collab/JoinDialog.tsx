import { useState } from 'react';
import { Modal } from '../ui/Modal';
import { joinFromInput } from './joinInput';

/** Paste a join link or type a short code; a malformed one says what is wrong. */
export function JoinDialog({ onClose }: { onClose: () => void }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const join = () => setError(joinFromInput(text));
  return (
    <Modal title="Join a session" onClose={onClose}>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          join();
        }}
      >
        <label>
          Join link or code
          <input
            data-testid="join-input"
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder="http://192.168.1.5:7420/#/join/… or ABCD-EFGH-…"
          />
        </label>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary">
          Join
        </button>
      </form>
    </Modal>
  );
}
