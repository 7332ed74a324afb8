/** core/: the vocabulary every layer shares. Other folders import only this file. */
export * from './data-type.ts';
export * from './arrow-type.ts';
export * from './errors.ts';
export * from './batch.ts';
export * from './scan.ts';
export * from './literal.ts';
export * from './value-text.ts';
export * from './value-read.ts';
export * from './value-cast.ts';
export * from './json-value.ts';
export * from './json-scan.ts';
export * from './json-convert.ts';
export * from './calendar.ts';
export * from './time-value.ts';
export * from './time-cast.ts';
