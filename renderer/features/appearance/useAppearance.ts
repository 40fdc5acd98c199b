import { useCallback, useEffect, useState } from 'react';
import { TEXT_SIZES, type Preferences } from '../../../shared/model/preferences';
import { api } from '../../api/bridge';
import '../../styles/theme-dark.css';
import '../../styles/theme-modes.css';

type AppearancePreferences = Pick<Preferences, 'theme' | 'textSize' | 'focusMode'>;

export type Appearance = AppearancePreferences & {
  /** The theme in effect: 'system' resolved by the operating system's setting. */
  dark: boolean;
  error: string | null;
  toggleDarkTheme: () => void;
  toggleFocusMode: () => void;
  /** Moves the text size one step; false when it is already the largest or smallest. */
  changeTextSize: (steps: 1 | -1) => boolean;
};

const DARK_QUERY = '(prefers-color-scheme: dark)';

/**
 * Theme, text size and focus mode: read from the preferences, applied as attributes on <html>
 * (the CSS variables in styles/theme*.css do the rest) and remembered on every change.
 */
export function useAppearance(): Appearance {
  const [settings, setSettings] = useState<AppearancePreferences>({ theme: 'system', textSize: 'normal', focusMode: false });
  const [systemDark, setSystemDark] = useState(() => window.matchMedia(DARK_QUERY).matches);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    void api['preferences:get']({}).then((result) => {
      if (!current || !result.ok) return;
      const { theme, textSize, focusMode } = result.value;
      setSettings({ theme, textSize, focusMode });
    });
    const query = window.matchMedia(DARK_QUERY);
    const onChange = () => setSystemDark(query.matches);
    query.addEventListener('change', onChange);
    return () => {
      current = false;
      query.removeEventListener('change', onChange);
    };
  }, []);

  const dark = settings.theme === 'dark' || (settings.theme === 'system' && systemDark);
  useEffect(() => {
    const root = document.documentElement;
    root.dataset.theme = dark ? 'dark' : 'light';
    root.dataset.textSize = settings.textSize;
    if (settings.focusMode) root.dataset.focusMode = '';
    else delete root.dataset.focusMode;
  }, [dark, settings.textSize, settings.focusMode]);

  const change = useCallback((changes: Partial<AppearancePreferences>) => {
    setSettings((current) => ({ ...current, ...changes }));
    void api['preferences:set'](changes).then((result) => setError(result.ok ? null : result.error.message));
  }, []);

  const toggleDarkTheme = useCallback(() => change({ theme: dark ? 'light' : 'dark' }), [change, dark]);
  const toggleFocusMode = useCallback(() => change({ focusMode: !settings.focusMode }), [change, settings.focusMode]);
  const changeTextSize = useCallback(
    (steps: 1 | -1) => {
      const index = TEXT_SIZES.indexOf(settings.textSize) + steps;
      if (index < 0 || index >= TEXT_SIZES.length) return false;
      change({ textSize: TEXT_SIZES[index] });
      return true;
    },
    [change, settings.textSize],
  );

  return { ...settings, dark, error, toggleDarkTheme, toggleFocusMode, changeTextSize };
}
