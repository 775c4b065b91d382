/**
 * Light English lemmatization for dictionary look-up: the forms a word may be listed under, most
 * likely first. Not a morphological analyser: it only undoes regular plural, verb and adverb
 * endings, and the caller keeps the first form the dictionary knows.
 */
export function lemmaCandidates(word: string): string[] {
  const w = word.toLowerCase().replace(/['’]s$/, '').replace(/['’]$/, '');
  const forms = [w];
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
  return forms;
}
