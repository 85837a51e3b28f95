import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { post } from '../api/client';
import { toFormData } from '../api/form';
import type { Model, Storyboard, StudioSession, Video } from '../api/types';
import { randomSeed } from '../seed';
import { aspects, sizesFor, type Aspect } from '../sizes';
import { stylePresets, withStyle } from '../styles-presets';
import { useAction } from '../use-action';
import { useBalance } from '../use-balance';
import { ErrorNote } from './ErrorNote';
import { emptyShot, StoryboardEditor } from './StoryboardEditor';

/** The longest video the studio offers; the server may allow less (its limits come with the session). */
const studioMaxSeconds = 10;

/** The prompt box and its settings; a submit answers at once with the queued video. */
export function CreateForm(props: { model: Model; session: StudioSession; onCreated: (video: Video) => void }) {
  const { model } = props;
  const { limits } = props.session;
  // Guests cannot upload (the server refuses it); they are told their limits instead.
  const guest = props.session.guest === true;
  const maxSeconds = Math.min(studioMaxSeconds, limits.max_seconds, model.max_seconds);
  // A model that makes only some lengths gets a menu of those (within the limits), the others a slider.
  const lengthChoices = model.seconds?.filter((choice) => choice <= maxSeconds) ?? null;
  const imageRequired = model.features.image_required;
  const [prompt, setPrompt] = useState('');
  const [aspect, setAspect] = useState<Aspect>('16:9');
  const sizeChoices = useMemo(() => sizesFor(aspect, model.sizes), [aspect, model.sizes]);
  const [chosenSize, setSize] = useState('');
  // The resolution chosen for this aspect; until one is (a new aspect clears it), the aspect's middle one.
  const size = sizeChoices.some((choice) => choice.size === chosenSize) ? chosenSize : (sizeChoices[Math.min(1, sizeChoices.length - 1)]?.size ?? '');
  const [seconds, setSeconds] = useState(lengthChoices?.[0] ?? Math.min(4, maxSeconds));
  const [seed, setSeed] = useState(randomSeed);
  const [seedLocked, setSeedLocked] = useState(false);
  const [style, setStyle] = useState<string | null>(null);
  const [audio, setAudio] = useState(true);
  const [loop, setLoop] = useState(false);
  const [image, setImage] = useState<File | null>(null);
  const [imagePreview, setImagePreview] = useState<string | null>(null);
  // Bumped to clear the file field when the image is removed.
  const [imageField, setImageField] = useState(0);
  const [storyboard, setStoryboard] = useState<Storyboard | null>(null);
  const { busy, error, run, clearError } = useAction();
  const { balance, refresh: refreshBalance } = useBalance();

  useEffect(() => {
    if (!image) return setImagePreview(null);
    const url = URL.createObjectURL(image);
    setImagePreview(url);
    return () => URL.revokeObjectURL(url);
  }, [image]);

  function submit(event: FormEvent): void {
    event.preventDefault();
    // A storyboard's shots set the length; the prompt box is then said of every shot (and may stay empty).
    const fields = storyboard
      ? { ...(prompt.trim() || style ? { prompt: withStyle(prompt, style) } : {}), model: model.id, size, seed, audio, loop, storyboard }
      : { prompt: withStyle(prompt, style), model: model.id, size, seconds: String(seconds), seed, audio, loop };
    void run(async () => {
      props.onCreated(await post<Video>('/v1/videos', image ? toFormData(fields, image) : fields));
      if (!seedLocked) setSeed(randomSeed());
    }).finally(refreshBalance);
  }

  const tooLong = prompt.length > limits.max_prompt_chars;
  return (
    <form className="card create" onSubmit={submit} aria-labelledby="create-title">
      <h2 id="create-title">Create</h2>
      <label htmlFor="prompt">Prompt</label>
      <textarea
        id="prompt"
        name="prompt"
        rows={4}
        placeholder="two red foxes running across a snowy meadow at dusk, the camera pans right"
        value={prompt}
        onChange={(e) => setPrompt(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) e.currentTarget.form?.requestSubmit();
        }}
        aria-describedby="prompt-help"
      />
      <p id="prompt-help" className={`small ${tooLong ? 'warn' : 'muted'}`}>
        {prompt.length} / {limits.max_prompt_chars} characters · Ctrl+Enter to create
      </p>

      <fieldset className="chips" aria-label="Style">
        <legend>Style</legend>
        {stylePresets.map((name) => (
          <button key={name} type="button" className="chip" aria-pressed={style === name} onClick={() => setStyle(style === name ? null : name)}>
            {name}
          </button>
        ))}
      </fieldset>

      <div className="row">
        <fieldset className="segmented" aria-label="Aspect">
          <legend>Aspect</legend>
          {aspects.map((a) => (
            <label key={a}>
              <input
                type="radio"
                name="aspect"
                value={a}
                checked={aspect === a}
                onChange={() => {
                  setAspect(a);
                  setSize('');
                }}
              />
              <span>{a}</span>
            </label>
          ))}
        </fieldset>
        <div>
          <label htmlFor="size">Resolution</label>
          <select id="size" name="size" value={size} onChange={(e) => setSize(e.target.value)}>
            {sizeChoices.map((choice) => (
              <option key={choice.size} value={choice.size}>
                {choice.label} ({choice.size})
              </option>
            ))}
          </select>
        </div>
      </div>

      <label className="inline-check">
        <input
          type="checkbox"
          checked={storyboard !== null}
          onChange={(e) => setStoryboard(e.target.checked ? { shots: [{ ...emptyShot(), prompt: prompt }, emptyShot()], transition: 'crossfade' } : null)}
        />{' '}
        Storyboard (several shots)
      </label>
      {storyboard ? (
        <StoryboardEditor value={storyboard} onChange={setStoryboard} maxSeconds={maxSeconds} />
      ) : (
        <>
          <label htmlFor="seconds">
            Duration: <output htmlFor="seconds">{seconds} s</output>
          </label>
          {lengthChoices ? (
            <select id="seconds" name="seconds" value={seconds} onChange={(e) => setSeconds(Number(e.target.value))}>
              {lengthChoices.map((choice) => (
                <option key={choice} value={choice}>
                  {choice} s
                </option>
              ))}
            </select>
          ) : (
            <input id="seconds" name="seconds" type="range" min={1} max={maxSeconds} step={1} value={seconds} onChange={(e) => setSeconds(Number(e.target.value))} />
          )}
        </>
      )}

      <div className="row seed-row">
        <div>
          <label htmlFor="seed">Seed</label>
          <div className="inline">
            <input
              id="seed"
              name="seed"
              inputMode="numeric"
              value={seed}
              onChange={(e) => setSeed(Math.min(2 ** 32 - 1, Number(e.target.value.replace(/\D/g, '')) || 0))}
              className="seed"
            />
            <button type="button" aria-pressed={seedLocked} onClick={() => setSeedLocked(!seedLocked)} title="Keep this seed for the next videos">
              {seedLocked ? 'Locked' : 'Lock'}
            </button>
            <button type="button" onClick={() => setSeed(randomSeed())} disabled={seedLocked} aria-label="New random seed">
              New
            </button>
          </div>
        </div>
        <div className="toggles">
          <label>
            <input type="checkbox" name="audio" checked={audio} onChange={(e) => setAudio(e.target.checked)} /> Sound
          </label>
          <label>
            <input type="checkbox" name="loop" checked={loop} onChange={(e) => setLoop(e.target.checked)} /> Seamless loop
          </label>
        </div>
      </div>

      {guest && (
        <p className="small muted">
          Guest: videos up to {maxSeconds} s, {limits.videos_per_hour} an hour. Sign in with an API key for more.
        </p>
      )}
      {imageRequired && guest && <p className="small muted">This model animates an image, and guests cannot upload one. Sign in with an API key to use it.</p>}
      {model.features.image_input && !guest && (
        <div className="image-input">
          <label htmlFor="image">{imageRequired ? 'First frame (this model needs an image)' : 'First frame (optional image)'}</label>
          <input key={imageField} id="image" name="image" type="file" accept="image/png,image/jpeg,image/webp" onChange={(e) => setImage(e.target.files?.[0] ?? null)} />
          {imagePreview && (
            <div className="inline">
              <img src={imagePreview} alt="The chosen first frame" className="image-preview" />
              <button
                type="button"
                onClick={() => {
                  setImage(null);
                  setImageField((n) => n + 1);
                }}
              >
                Remove image
              </button>
            </div>
          )}
        </div>
      )}

      <button type="submit" className="primary big" disabled={busy || (imageRequired && !image) || lengthChoices?.length === 0}>
        {busy ? 'Sending…' : 'Create video'}
      </button>
      {/* Only a prepaid key is stopped by its balance; for the others it is bookkeeping, not worth the space. */}
      {balance?.prepaid && (
        <p className={`small credits ${balance.credits > 0 ? 'muted' : 'warn'}`}>
          {balance.credits} credits left on this key
        </p>
      )}
      <ErrorNote error={error} onDismiss={clearError} />
    </form>
  );
}
