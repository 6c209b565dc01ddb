import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';
import { FocusedAlert } from '../../../components/ui/FocusedAlert';
import { PageHeading } from '../../../components/ui/PageHeading';
import {
  MAPPABLE_FIELDS,
  type FieldMapping,
  type ImportChoices,
  type MappableField,
  type SavedMapping,
} from '../api/types';
import { useLayouts, usePreview, useStartImport, type ChosenFile } from '../hooks/useImports';
import { FilePicker } from './FilePicker';
import { ImportHistory } from './ImportHistory';
import { ImportRun } from './ImportRun';
import { importErrorMessage } from './importError';
import { MappingTable } from './MappingTable';
import { PreviewFindings } from './PreviewFindings';
import { PreviewTable } from './PreviewTable';
import { SavedMappings } from './SavedMappings';

/**
 * Import a patron file: choose it, check how it is read (layout, refused columns, first rows),
 * adjust the columns, try a dry run, then import. Nothing is saved before "Import".
 */
export function ImportPage() {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<ChosenFile | null>(null);
  const [layout, setLayout] = useState<string>();
  const [overrides, setOverrides] = useState<FieldMapping>({});
  const [runId, setRunId] = useState<number | null>(null);
  const [mappingOpen, setMappingOpen] = useState(false);
  const choices: ImportChoices = {
    layout,
    mapping: Object.keys(overrides).length > 0 ? overrides : undefined,
  };
  const preview = usePreview(chosen, choices);
  const layouts = useLayouts();
  const start = useStartImport();
  const runHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (runId !== null) runHeading.current?.focus();
  }, [runId]);

  const choose = (file: File) => {
    setChosen((previous) => ({ key: (previous?.key ?? 0) + 1, file }));
    setLayout(undefined);
    setOverrides({});
    setRunId(null);
    setMappingOpen(false);
    start.reset();
  };

  const data = preview.data;
  // While the server reads the new choice, show it rather than the answer it replaces.
  const mapping =
    data && preview.isPlaceholderData ? { ...data.mapping, ...overrides } : data?.mapping;

  const run = (dryRun: boolean) => {
    if (chosen === null || data === undefined) return;
    const fileChoices: ImportChoices = {
      layout: data.layout,
      mapping: { ...data.mapping, ...overrides },
      sheet: data.sheet ?? undefined,
    };
    start.mutate(
      { file: chosen.file, choices: fileChoices, dryRun },
      { onSuccess: (report) => setRunId(report.id) },
    );
  };

  return (
    <>
      <PageHeading title={t('imports.title')} lead={<p>{t('imports.lead')}</p>} />
      <section aria-labelledby="import-step-file" className="step">
        <h2 id="import-step-file">{t('imports.file.title')}</h2>
        <p>{t('imports.file.privacy')}</p>
        <FilePicker file={chosen?.file ?? null} onChoose={choose} />
      </section>
      <p role="status" className="run-status">
        {preview.isFetching ? t('imports.file.reading') : ''}
      </p>
      {preview.isError ? (
        <FocusedAlert title={t('imports.errors.title')} focusKey={preview.errorUpdatedAt}>
          <p>{importErrorMessage(preview.error, t)}</p>
        </FocusedAlert>
      ) : null}
      {data && mapping && !preview.isError ? (
        <>
          <section aria-labelledby="import-step-findings" className="step">
            <h2 id="import-step-findings">{t('imports.findings.title')}</h2>
            <PreviewFindings
              preview={data}
              layouts={layouts.data ?? []}
              onLayout={(id) => {
                setLayout(id);
                setOverrides({});
              }}
            />
          </section>
          <section aria-labelledby="import-step-preview" className="step">
            <h2 id="import-step-preview">{t('imports.preview.title')}</h2>
            <p>{t('imports.preview.lead', { count: data.sample.length })}</p>
            <PreviewTable sample={data.sample} />
          </section>
          <section aria-labelledby="import-step-mapping" className="step">
            <h2 id="import-step-mapping">{t('imports.mapping.title')}</h2>
            <p>{t('imports.mapping.lead')}</p>
            {mapping.cardNumber ? null : (
              <p className="alert alert--error">{t('imports.mapping.noCardNumber')}</p>
            )}
            {/* Open by itself when the card number needs choosing; then stays as the user leaves it. */}
            <details
              className="disclosure"
              open={mappingOpen || !mapping.cardNumber}
              onToggle={(event) => setMappingOpen(event.currentTarget.open)}
            >
              <summary>
                {t('imports.mapping.show', {
                  mapped: Object.values(mapping).filter(Boolean).length,
                  total: MAPPABLE_FIELDS.length,
                })}
              </summary>
              <MappingTable
                headers={data.headers}
                refused={data.refusedColumns.map((refused) => refused.column)}
                mapping={mapping}
                onChange={(field: MappableField, column: string) =>
                  setOverrides((current) => ({ ...current, [field]: column }))
                }
              />
              <SavedMappings
                layout={data.layout}
                mapping={mapping}
                onApply={(saved: SavedMapping) => {
                  setLayout(saved.layout);
                  setOverrides(saved.mapping);
                }}
              />
            </details>
          </section>
          <section aria-labelledby="import-step-run" className="step">
            <h2 id="import-step-run">{t('imports.run.stepTitle')}</h2>
            <p>{t('imports.run.lead')}</p>
            <div className="form__actions">
              <Button variant="secondary" busy={start.isPending} onClick={() => run(true)}>
                {t('imports.run.dryRun')}
              </Button>
              <Button busy={start.isPending} onClick={() => run(false)}>
                {t('imports.run.import')}
              </Button>
            </div>
            {start.isPending ? <p className="muted">{t('imports.run.sending')}</p> : null}
            {start.isError ? (
              <FocusedAlert title={t('imports.errors.title')} focusKey={start.submittedAt}>
                <p>{importErrorMessage(start.error, t)}</p>
              </FocusedAlert>
            ) : null}
          </section>
        </>
      ) : null}
      {runId !== null ? (
        <section aria-labelledby="import-run-title" className="step run">
          <h2 id="import-run-title" ref={runHeading} tabIndex={-1}>
            {start.data?.dryRun ? t('imports.run.titleDry') : t('imports.run.title')}
          </h2>
          <ImportRun id={runId} onImportForReal={() => run(false)} />
        </section>
      ) : null}
      <ImportHistory />
    </>
  );
}
