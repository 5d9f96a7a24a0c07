/**
 * The text block picker's public API (docs/text-blocks.md): the directive for a reply box, the
 * service to open it from code, and what it hands back.
 */
export { TextBlockPickerTrigger } from './text-block-picker-trigger';
export { TextBlockPicker } from './text-block-picker';
export type { PickedTextBlock, TextBlockPickerOptions } from './picked-text-block';
