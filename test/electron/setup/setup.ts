import { beforeEach, vi } from 'vitest';
import { resetFakeElectron } from './fakeElectron';

// The Electron binary cannot run here; main and preload run against this fake instead.
vi.mock('electron', () => import('./fakeElectron'));

beforeEach(() => {
  vi.restoreAllMocks();
  resetFakeElectron();
});
