import { useState } from 'react';
import type { PostStyle } from '../../../shared/export/postInput';
import type { Post, PostChanges } from '../../../shared/model/post';
import { Field } from '../../ui/Field';

type PostSettingsFormProps = {
  post: Post;
  onChange: (changes: PostChanges, immediately: boolean) => void;
};

const STYLES: { value: PostStyle; label: string; hint: string }[] = [
  { value: 'headings', label: 'A heading per session', hint: '“Name, Role at Organisation: Title”, or the title alone when that is long' },
  { value: 'flowing', label: 'Flowing paragraphs', hint: '“Name, Role at Organisation, spoke on ‘Title’.” opens each session' },
];

/** Title, byline, tags and section style. Empty title and byline mean the defaults, shown as placeholders. */
export function PostSettingsForm({ post, onChange }: PostSettingsFormProps) {
  // The tags are typed as text; parsing them on every key would eat the comma being typed.
  const [tagText, setTagText] = useState(post.settings.tags.join(', '));
  const { settings, defaults } = post;

  return (
    <div className="post-settings">
      <Field label="Title" hint={settings.title ? undefined : 'Leave empty for the default.'}>
        {(control) => <input {...control} type="text" value={settings.title} placeholder={defaults.title} maxLength={300} onChange={(event) => onChange({ title: event.target.value }, false)} />}
      </Field>
      <div className="field-row">
        <Field label="Byline">
          {(control) => (
            <input {...control} type="text" value={settings.byline} placeholder={defaults.byline || 'Posted by …'} maxLength={300} onChange={(event) => onChange({ byline: event.target.value }, false)} />
          )}
        </Field>
        <Field label="Tags" hint="Separated by commas.">
          {(control) => (
            <input
              {...control}
              type="text"
              value={tagText}
              placeholder="conference, cloud"
              onChange={(event) => {
                setTagText(event.target.value);
                onChange({ tags: splitTags(event.target.value) }, false);
              }}
            />
          )}
        </Field>
      </div>
      <fieldset className="post-style">
        <legend>Sessions appear as</legend>
        {STYLES.map((style) => (
          <label key={style.value} className="post-style-choice">
            <input type="radio" name="post-style" value={style.value} checked={settings.style === style.value} onChange={() => onChange({ style: style.value }, true)} />
            <span>
              {style.label} <span className="post-style-hint">{style.hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
    </div>
  );
}

function splitTags(text: string): string[] {
  return [...new Set(text.split(',').map((tag) => tag.trim()).filter((tag) => tag !== ''))];
}
