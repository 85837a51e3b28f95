import { useCallback, useEffect, useState } from 'react';
import { get } from '../api/client';
import type { Model, Page, StudioSession, Video } from '../api/types';
import { CreateForm } from './CreateForm';
import { ErrorNote } from './ErrorNote';
import { JobView } from './JobView';

/** The prompt box, and each video made from it during this visit, newest first, followed live. */
export function CreatePage(props: { session: StudioSession; canPublish: boolean }) {
  const [models, setModels] = useState<Model[]>([]);
  const [model, setModel] = useState<Model | null>(null);
  const [modelError, setModelError] = useState<unknown>(null);
  const [jobs, setJobs] = useState<Video[]>([]);

  useEffect(() => {
    get<Page<Model>>('/v1/models')
      .then((list) => {
        if (!list.data[0]) throw new Error('This server serves no model.');
        setModels(list.data);
        setModel(list.data[0]);
      })
      .catch(setModelError);
  }, []);

  const onCreated = useCallback((video: Video) => setJobs((list) => [video, ...list.filter((job) => job.id !== video.id)]), []);
  const onChange = useCallback((next: Video) => setJobs((list) => list.map((job) => (job.id === next.id ? next : job))), []);
  const onDeleted = useCallback((id: string) => setJobs((list) => list.filter((job) => job.id !== id)), []);

  return (
    <div className="create-page">
      <div className="create-column">
        {models.length > 1 && model && (
          // Only when there is a choice (an upstream's models besides kinora-1), each with its limits.
          <label className="card model-picker">
            Model{' '}
            <select value={model.id} onChange={(event) => setModel(models.find((m) => m.id === event.target.value) ?? model)}>
              {models.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.id}: {m.seconds ? `${m.seconds.join(', ')} s` : `up to ${m.max_seconds} s`} and {largestSize(m.sizes)}
                  {m.features.audio ? ', sound' : ''}
                  {m.features.image_required ? ', from an image' : ''}
                </option>
              ))}
            </select>
          </label>
        )}
        {model ? <CreateForm key={model.id} model={model} session={props.session} onCreated={onCreated} /> : <ErrorNote error={modelError} />}
      </div>
      <section className="jobs" aria-label="Videos being made">
        {jobs.length === 0 && (
          <div className="card empty">
            <h2>Your video appears here</h2>
            <p className="muted">
              Describe subjects, what they do, where and when: “three yellow balloons floating over a city at sunset, watercolor”. Progress shows live, with what
              Kinora understood beside it.
            </p>
          </div>
        )}
        {jobs.map((job) => (
          <JobView
            key={job.id}
            initial={job}
            others={jobs}
            guest={props.session.guest === true}
            canPublish={props.canPublish}
            onChange={onChange}
            onCreated={onCreated}
            onDeleted={onDeleted}
          />
        ))}
      </section>
    </div>
  );
}

/** The size with the most pixels, e.g. "1920x1080". */
function largestSize(sizes: string[]): string {
  const pixels = (size: string) => size.split('x').reduce((product, side) => product * Number(side), 1);
  return sizes.reduce((best, size) => (pixels(size) > pixels(best) ? size : best));
}
