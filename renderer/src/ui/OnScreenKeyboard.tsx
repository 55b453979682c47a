import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import Keyboard from 'simple-keyboard';
import 'simple-keyboard/build/css/index.css';
import { localDigits } from '../../../main/core/contract';
import { KEYBOARD_LAYOUTS, ZWNJ, type KeyboardLayoutName } from './keyboard-layouts';
import { useLanguage } from './useLanguage';

interface Props {
  /** The keys offered first: digits for codes and mobiles, the reader's language for words. */
  layout: KeyboardLayoutName;
  /** Whether the digits pad may switch to letters (not for a field of digits only). */
  letters?: boolean;
  onLayout: (layout: KeyboardLayoutName) => void;
  /** A typed character, or '\b' for backspace. */
  onKey: (key: string) => void;
}

/**
 * The on-screen keyboard of a touch kiosk: simple-keyboard's keys and touch handling, our
 * layouts, and the field's text kept by the form (it receives keys, not a value), so that
 * a typed character and one from a barcode scanner go the same way.
 */
export function OnScreenKeyboard({ layout, letters = true, onLayout, onKey }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const element = useRef<HTMLDivElement>(null);
  const keyboard = useRef<Keyboard | null>(null);
  const shifted = useRef(false);
  const handlers = useRef({ onKey, onLayout });
  useEffect(() => {
    handlers.current = { onKey, onLayout };
  });

  useEffect(() => {
    if (!element.current) return;
    const instance = new Keyboard(element.current, {
      layout: KEYBOARD_LAYOUTS[layout],
      layoutName: 'default',
      useTouchEvents: true,
      disableButtonHold: true,
      preventMouseDownDefault: true,
      onKeyPress: (button: string) => {
        switch (button) {
          case '{bksp}':
            return handlers.current.onKey('\b');
          case '{space}':
            return handlers.current.onKey(' ');
          case '{zwnj}':
            return handlers.current.onKey(ZWNJ);
          case '{shift}':
            shifted.current = !shifted.current;
            instance.setOptions({ layoutName: shifted.current ? 'shift' : 'default' });
            return;
          case '{digits}':
            return handlers.current.onLayout('digits');
          case '{letters}':
            return handlers.current.onLayout(language);
          case '{fa}':
          case '{en}':
            return handlers.current.onLayout(button === '{fa}' ? 'fa' : 'en');
          default:
            return handlers.current.onKey(button);
        }
      },
    });
    keyboard.current = instance;
    return () => {
      instance.destroy();
      keyboard.current = null;
    };
  }, [layout, language]);

  useEffect(() => {
    shifted.current = false;
    const labels: Record<string, string> = {
      '{bksp}': '⌫',
      '{space}': t('keyboard.space'),
      '{zwnj}': t('keyboard.halfSpace'),
      '{shift}': '⇧',
      '{digits}': localDigits('123', language),
      '{letters}': language === 'fa' ? 'ابپ' : 'abc',
      '{fa}': 'فارسی',
      '{en}': 'English',
    };
    const rows = KEYBOARD_LAYOUTS[layout];
    const withoutLetters = { default: rows.default.map((row) => row.replace('{letters} ', '')) };
    const shown = layout === 'digits' ? (letters ? rows : withoutLetters) : rows;
    // Digits show as the reader writes them; the value typed is the Latin digit, which every field reads.
    const display: Record<string, string> = { ...labels };
    for (let d = 0; d <= 9; d++) display[String(d)] = localDigits(d, language);
    keyboard.current?.setOptions({ layout: shown, display, layoutName: 'default' });
  }, [layout, letters, language, t]);

  return <div ref={element} className={`on-screen-keyboard on-screen-keyboard--${layout}`} dir="ltr" />;
}
