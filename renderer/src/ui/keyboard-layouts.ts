/**
 * The kiosk's keyboards, in simple-keyboard's layout format. The Persian rows are the
 * standard Persian layout (ISIRI 9147, as simple-keyboard-layouts has it) without the keys a
 * kiosk form never needs (tab, caps lock, backquote, "= -"), and with the half-space (ZWNJ)
 * on a key of its own, since Persian names and words need it.
 */
export type KeyboardLayoutName = 'fa' | 'en' | 'digits';

export const KEYBOARD_LAYOUTS: Record<KeyboardLayoutName, { default: string[]; shift?: string[] }> = {
  fa: {
    default: [
      'ض ص ث ق ف غ ع ه خ ح ج چ',
      'ش س ی ب ل ا ت ن م ک گ',
      'ظ ط ز ر ذ د پ و ژ آ {bksp}',
      '{digits} {zwnj} {space} {en}',
    ],
  },
  en: {
    default: ['q w e r t y u i o p', 'a s d f g h j k l', '{shift} z x c v b n m {bksp}', '{digits} {space} {fa}'],
    shift: ['Q W E R T Y U I O P', 'A S D F G H J K L', '{shift} Z X C V B N M {bksp}', '{digits} {space} {fa}'],
  },
  digits: {
    default: ['1 2 3', '4 5 6', '7 8 9', '{letters} 0 {bksp}'],
  },
};

/** The special keys and what they insert; the rest is what the button shows. */
export const ZWNJ = '\u200c';
