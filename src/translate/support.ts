/** What a user is told when an English question cannot be translated (no dictionary, no model). */
export const ENGLISH_SUPPORT_HINT =
  'English questions need the English–Arabic dictionary or the embedding model. ' +
  'Debian/Ubuntu: `sudo apt-get install dict-freedict-eng-ara`; elsewhere, download freedict-eng-ara ' +
  '(dictd format) from https://freedict.org and set DICT_DIR to the folder holding freedict-eng-ara.index ' +
  'and freedict-eng-ara.dict.dz. Or make the model available (MODEL_ID / MODEL_DIR, see the README).';
