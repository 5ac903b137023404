/**
 * The optional time-up sound: two short tones from WebAudio (no audio file to
 * ship). Muting is a local preference, remembered across sessions.
 */
const MUTED_KEY = 'archdrill.timer.muted';

let ctx: AudioContext | null = null;

export const isBeepMuted = (): boolean => {
  try {
    return localStorage.getItem(MUTED_KEY) === '1';
  } catch {
    return false;
  }
};

export const setBeepMuted = (muted: boolean): void => {
  try {
    localStorage.setItem(MUTED_KEY, muted ? '1' : '0');
  } catch {
    // Storage blocked (private mode): the choice lasts for this page only.
  }
};

/**
 * Creates (or wakes) the audio context. Call from a click handler: browsers
 * only allow audio that a user gesture unlocked.
 */
export const unlockAudio = (): void => {
  if (typeof AudioContext === 'undefined') return;
  ctx ??= new AudioContext();
  if (ctx.state === 'suspended') void ctx.resume();
};

export const beep = (): void => {
  if (isBeepMuted()) return;
  unlockAudio();
  if (!ctx) return;
  const t0 = ctx.currentTime;
  for (const [offset, freq] of [
    [0, 880],
    [0.22, 660],
  ] as const) {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.frequency.value = freq;
    gain.gain.setValueAtTime(0.0001, t0 + offset);
    gain.gain.exponentialRampToValueAtTime(0.2, t0 + offset + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, t0 + offset + 0.18);
    osc.connect(gain).connect(ctx.destination);
    osc.start(t0 + offset);
    osc.stop(t0 + offset + 0.2);
  }
};
