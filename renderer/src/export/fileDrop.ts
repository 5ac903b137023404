import type { DragEvent } from 'react';
import type { OpenedFile } from '../platform/types';

/**
 * Handlers that open a file dropped on the workspace: a board file or an
 * exported PNG/SVG with its board inside. Palette drags are left to the canvas.
 */
export const fileDropHandlers = (openFile: (file: OpenedFile) => Promise<boolean>) => ({
  onDragOver: (e: DragEvent) => {
    if (!e.dataTransfer.types.includes('Files')) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  },
  onDrop: (e: DragEvent) => {
    const file = e.dataTransfer.files[0];
    if (!file) return;
    e.preventDefault();
    void file.arrayBuffer().then((buf) => openFile({ name: file.name, bytes: new Uint8Array(buf) }));
  },
});
