import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ACCEPTED_FILES } from '../api/imports';
import { fileSize } from './format';

export interface FilePickerProps {
  file: File | null;
  onChoose: (file: File) => void;
}

/**
 * A labelled file input, usable with the keyboard and by screen readers as any other; the area
 * around it also takes a file dropped from the desktop.
 */
export function FilePicker({ file, onChoose }: FilePickerProps) {
  const { t, i18n } = useTranslation();
  const [dragging, setDragging] = useState(false);

  const onDragOver = (event: DragEvent<HTMLDivElement>) => {
    if (!event.dataTransfer.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  };
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped) onChoose(dropped);
  };

  return (
    <div
      className={dragging ? 'dropzone dropzone--active' : 'dropzone'}
      onDragOver={onDragOver}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <label className="field__label" htmlFor="import-file">
        {t('imports.file.label')}
      </label>
      <p id="import-file-hint" className="field__hint">
        {t('imports.file.hint')}
      </p>
      <input
        id="import-file"
        name="file"
        type="file"
        className="dropzone__input"
        accept={ACCEPTED_FILES}
        aria-describedby="import-file-hint"
        onChange={(event) => {
          const chosen = event.target.files?.[0];
          if (chosen) onChoose(chosen);
        }}
      />
      <p className="dropzone__drop" aria-hidden="true">
        {t('imports.file.drop')}
      </p>
      {file ? (
        <p className="dropzone__chosen">
          {t('imports.file.chosen', { name: file.name, size: fileSize(file.size, i18n.language) })}
        </p>
      ) : null}
    </div>
  );
}
