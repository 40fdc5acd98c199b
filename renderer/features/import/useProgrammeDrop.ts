import { useEffect, useRef, useState } from 'react';

/**
 * Files dropped anywhere on the window outside the note become a programme import. Drops in
 * the note, and images, are left to the editor.
 */
export function useProgrammeDrop(onFile: (file: File) => void): boolean {
  const [dragging, setDragging] = useState(false);
  const latestOnFile = useRef(onFile);
  latestOnFile.current = onFile;

  useEffect(() => {
    let depth = 0;
    const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;
    const inNote = (event: DragEvent) => event.target instanceof Element && event.target.closest('.editor-content') !== null;

    function onDragEnter(event: DragEvent) {
      if (!carriesFiles(event)) return;
      depth += 1;
      setDragging(!inNote(event));
    }
    function onDragOver(event: DragEvent) {
      if (!carriesFiles(event) || inNote(event) || event.defaultPrevented) return;
      event.preventDefault();
      event.dataTransfer!.dropEffect = 'copy';
      setDragging(true);
    }
    function onDragLeave(event: DragEvent) {
      if (!carriesFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    }
    function onDrop(event: DragEvent) {
      depth = 0;
      setDragging(false);
      if (event.defaultPrevented || inNote(event) || !carriesFiles(event)) return;
      event.preventDefault();
      const file = [...(event.dataTransfer?.files ?? [])].find((candidate) => !candidate.type.startsWith('image/'));
      if (file) latestOnFile.current(file);
    }
    window.addEventListener('dragenter', onDragEnter);
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('dragleave', onDragLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onDragEnter);
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('dragleave', onDragLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, []);

  return dragging;
}
