import { useCallback, useEffect, useState } from 'react';
import type { FeaturedPhotoChoice, PostPhoto, PostPublishSettingsView } from '../../../shared/model/publish';
import type { PostDay } from '../../../shared/model/post';
import { assetUrl } from '../../../shared/note/assetPath';
import { api } from '../../api/bridge';
import { Field } from '../../ui/Field';

type FeaturedPhotoFieldProps = { eventId: string; day: PostDay };

const photoLabel = (photo: PostPhoto, index: number) => `${index + 1}. ${(photo.caption || photo.alt).trim() || 'Photo without a caption'}`;

function valueOf(choice: FeaturedPhotoChoice): string {
  return choice.kind === 'photo' ? `photo:${choice.file}` : choice.kind;
}

function choiceOf(value: string): FeaturedPhotoChoice {
  if (value === 'first' || value === 'none') return { kind: value };
  return { kind: 'photo', file: value.slice('photo:'.length) };
}

/**
 * The draft's featured image (WordPress `featured_media`, Ghost `feature_image`): the first
 * photo unless the editor picks another, or none. Kept with the post's publishing settings in
 * the main process; read again when the field gets focus, as the notes may have changed.
 */
export function FeaturedPhotoField({ eventId, day }: FeaturedPhotoFieldProps) {
  const [settings, setSettings] = useState<PostPublishSettingsView | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    const result = await api['publish:settings']({ eventId, day });
    if (result.ok) setSettings(result.value);
    else setError(result.error.message);
  }, [eventId, day]);
  useEffect(() => void load(), [load]);

  async function choose(value: string) {
    const result = await api['publish:save-settings']({ eventId, day, featuredPhoto: choiceOf(value) });
    if (result.ok) {
      setSettings(result.value);
      setError(null);
    } else setError(result.error.message);
  }

  if (!settings || settings.photos.length === 0) return null;
  const { featuredPhoto, photos } = settings;
  const missing = featuredPhoto.kind === 'photo' && !photos.some((photo) => photo.file === featuredPhoto.file);
  const shown = featuredPhoto.kind === 'none' ? null : featuredPhoto.kind === 'first' || missing ? photos[0] : photos.find((photo) => photo.file === featuredPhoto.file);
  const preview = shown ? assetUrl(eventId, shown.src) : null;

  return (
    <div className="publish-featured">
      <Field label="Featured image" error={error ?? undefined} hint={missing ? 'The photo chosen before is no longer in the post; the first photo is used.' : undefined}>
        {(control) => (
          <select {...control} value={missing ? 'first' : valueOf(featuredPhoto)} onFocus={() => void load()} onChange={(event) => void choose(event.target.value)}>
            {/* "First" follows the post as its notes change; a photo picked by name stays picked. */}
            <option value="first">Whichever photo comes first</option>
            <optgroup label="Always this photo">
              {photos.map((photo, index) => (
                <option key={photo.file} value={`photo:${photo.file}`}>
                  {photoLabel(photo, index)}
                </option>
              ))}
            </optgroup>
            <option value="none">None</option>
          </select>
        )}
      </Field>
      {preview && shown && <img className="publish-featured-preview" src={preview} alt={`Featured: ${shown.alt || shown.caption}`} />}
    </div>
  );
}
