import { nothing } from 'lit-html';
import { Directive, PartType, directive, type ChildPart, type PartInfo } from 'lit-html/directive.js';

/**
 * Placed as the last child of a `<select>`, sets the select's value after its options are rendered, on every
 * render: an option's `selected` attribute stops counting once the user has picked one, so Back and Forward
 * (which change the URL the filters come from) would otherwise leave the old choice showing.
 */
class SelectValue extends Directive {
  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.CHILD) throw new Error('selectValue() goes inside a <select>');
  }

  render(_value: string): typeof nothing {
    return nothing;
  }

  override update(part: ChildPart, [value]: [string]): typeof nothing {
    const select = part.parentNode as HTMLSelectElement;
    if (select.value !== value) select.value = value;
    return nothing;
  }
}

/** Keeps a `<select>`'s value equal to `value`. */
export const selectValue = directive(SelectValue);
