/**
 * Light English lemmatization for dictionary look-up: the forms a word may be listed under, most
 * likely first. Not a morphological analyser: it only undoes regular plural, verb and adverb
 * endings, and the caller keeps the first form the dictionary knows.
 */
import { wordTable } from './word-table.js';

/** Irregular past forms questions use most (the dictionary lists some, often under another sense). */
const IRREGULAR = wordTable(
  'arose:arise awoke:awake was:be were:be bore:bear borne:bear beat:beat became:become began:begin begun:begin ' +
    'bent:bend bit:bite bitten:bite blew:blow blown:blow broke:break broken:break brought:bring built:build ' +
    'burnt:burn bought:buy caught:catch chose:choose chosen:choose came:come cost:cost cut:cut dealt:deal dug:dig ' +
    'did:do done:do drew:draw drawn:draw drank:drink drove:drive driven:drive ate:eat eaten:eat fell:fall fallen:fall ' +
    'fed:feed felt:feel fought:fight found:find fled:flee flew:fly flown:fly forbade:forbid forgot:forget ' +
    'forgotten:forget froze:freeze frozen:freeze got:get gotten:get gave:give given:give went:go gone:go grew:grow ' +
    'grown:grow hung:hang had:have heard:hear hid:hide hidden:hide hit:hit held:hold hurt:hurt kept:keep knew:know ' +
    'known:know laid:lay led:lead left:leave lent:lend let:let lay:lie lain:lie lit:light lost:lose made:make ' +
    'meant:mean met:meet paid:pay put:put quit:quit read:read rode:ride ridden:ride rang:ring rung:ring rose:rise ' +
    'risen:rise ran:run said:say saw:see seen:see sought:seek sold:sell sent:send set:set shook:shake shaken:shake ' +
    'shot:shoot shut:shut sang:sing sung:sing sank:sink sat:sit slept:sleep slid:slide spoke:speak spoken:speak ' +
    'spent:spend split:split spread:spread stood:stand stole:steal stolen:steal stuck:stick struck:strike ' +
    'swore:swear sworn:swear swept:sweep swam:swim took:take taken:take taught:teach tore:tear torn:tear told:tell ' +
    'thought:think threw:throw thrown:throw understood:understand woke:wake wore:wear worn:wear won:win wrote:write ' +
    'written:write men:man women:woman children:child people:person feet:foot teeth:tooth mice:mouse',
);

export function lemmaCandidates(word: string): string[] {
  const w = word.toLowerCase().replace(/['’]s$/, '').replace(/['’]$/, '');
  const forms = [w];
  const irregular = IRREGULAR.get(w);
  if (irregular && irregular !== w) forms.push(irregular);
  const add = (form: string) => {
    if (form.length >= 2 && !forms.includes(form)) forms.push(form);
  };
  const undouble = (stem: string) => (/([bdgklmnprt])\1$/.test(stem) ? stem.slice(0, -1) : stem);
  if (w.length > 4 && w.endsWith('ies')) add(w.slice(0, -3) + 'y');
  if (w.length > 4 && w.endsWith('ves')) {
    add(w.slice(0, -3) + 'f');
    add(w.slice(0, -3) + 'fe');
  }
  if (w.length > 3 && /(ch|sh|ss|x|z|o)es$/.test(w)) add(w.slice(0, -2));
  if (w.length > 3 && w.endsWith('s') && !/(ss|us|is)$/.test(w)) add(w.slice(0, -1));
  if (w.length > 4 && w.endsWith('ied')) add(w.slice(0, -3) + 'y');
  if (w.length > 4 && w.endsWith('ed')) {
    const stem = w.slice(0, -2);
    add(undouble(stem));
    add(stem + 'e');
    add(stem);
  }
  if (w.length > 5 && w.endsWith('ing')) {
    const stem = w.slice(0, -3);
    add(undouble(stem));
    add(stem + 'e');
    add(stem);
  }
  if (w.length > 5 && w.endsWith('ily')) add(w.slice(0, -3) + 'y');
  if (w.length > 5 && w.endsWith('ly')) add(w.slice(0, -2));
  if (w.length > 5 && w.endsWith('est')) add(undouble(w.slice(0, -3)));
  if (w.length > 5 && w.endsWith('er')) add(undouble(w.slice(0, -2)));
  // British -ise verbs under their -ize spelling, which is all FreeDict lists (summarise, finalised, organising).
  for (const form of [...forms]) if (/[^aeiouw]is(?:e|ed|es|ing|ation|ations)$/.test(form)) add(form.replace(/is(e|ed|es|ing|ation|ations)$/, 'iz$1'));
  return forms;
}

/** The word a clitic hangs on: shouldn't → should, can't → can, won't → will, Luther's → Luther. */
export function withoutClitic(word: string): string {
  const negated = /^(.*?)n['’]t$/i.exec(word);
  if (negated) return NEGATED_STEMS.get(negated[1]!.toLowerCase()) ?? negated[1]!;
  return word.replace(/['’].*$/, '');
}

const NEGATED_STEMS: ReadonlyMap<string, string> = new Map([['ca', 'can'], ['wo', 'will'], ['sha', 'shall']]);

/**
 * Whether an English word reads as a verb by its shape alone: a participle (representing, discussed), or a word in
 * -s right after another content word, its subject (country supports). A word in -s after a function word is more
 * often a plural noun (the sources).
 */
export function isVerbShape(word: string, afterContentWord: boolean): boolean {
  const w = word.toLowerCase();
  return (w.length > 5 && /(?:ing|ed)$/.test(w)) || (afterContentWord && w.length > 3 && /[^su']s$/.test(w));
}
