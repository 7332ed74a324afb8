/** Footer key-value entry holding the JSON list of Loch fields `[{name, type, nullable}]` of a Loch-written file. */
export const LOCH_SCHEMA_METADATA_KEY = 'loch.schema';
