export * from './placeholders';
export * from './address-forms';
export * from './channel-suitability';
export * from './text-block-versions';
export * from './text-block-content';
export * from './text-block-rules';
export * from './text-block-categories';
export * from './starter-pack';
