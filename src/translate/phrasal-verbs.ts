import { wordTable } from './word-table.js';
import { lemmaCandidates } from './lemma.js';

/**
 * Phrasal verbs read as the one-word verb a dictionary lists: FreeDict has no phrasal verb (take part, set up, pull
 * out: none), and their words alone translate to something else (take → أخذ, part → جزء; the particle is dropped as
 * a function word). General English: news questions ask who took part, what was set up, who pulled out.
 */
const ONE_WORD = wordTable(
  'take_part:participate take_place:occur set_up:establish call_for:demand pull_out:withdraw pull_back:withdraw ' +
    'step_down:resign break_out:erupt give_up:surrender put_forward:propose look_into:investigate find_out:discover ' +
    'turn_down:reject put_off:postpone call_off:cancel carry_on:continue point_out:indicate bring_about:cause ' +
    'back_down:retreat sign_up:register shut_down:close hand_over:deliver wipe_out:destroy blow_up:explode ' +
    'take_over:seize show_up:attend wrap_up:finish walk_out:leave go_back:return ' +
    'come_back:return get_back:return break_down:fail fall_through:fail fall_apart:fail',
);

const WORD = /\p{Script=Latin}+/gu;

/**
 * Verbs whose bare form is more often another word, read as the verb with that sense when the sentence shows a verb:
 * last → آخر مرّة (the dictionary's adjective), but "how long did the talks last" / "lasted two days" ask how long
 * something went on (استمر). Inflected (lasted, lasts) it is always the verb; bare, only at the end of a clause or
 * before a particle of time, not after an article or a determiner (the last round, at last, its last day).
 */
const CLAUSE_VERBS = wordTable('last:persist');
const CLAUSE_VERB = new RegExp(
  `\\b(?<!\\b(?:the|at|a|this|that|its|their|his|her|our|next)\\s+)(${[...CLAUSE_VERBS.keys()].join('|')})(ed|s|ing)?\\b` +
    '(?:(?<=ed|s)|(?=\\s*(?:$|[?.!,;:)]|(?:for|until|till|through|into|about)\\b)))',
  'gi',
);

function withClauseVerbs(question: string): string {
  return question.replace(CLAUSE_VERB, (_, word: string, ending: string | undefined) => {
    const verb = CLAUSE_VERBS.get(word.toLowerCase())!;
    return ending ? inShapeOf(verb, `${word}${ending}`.toLowerCase(), word.toLowerCase()) : verb;
  });
}

/**
 * The question with each phrasal verb written as its one-word verb, in the same shape (taking part → participating),
 * and a CLAUSE_VERBS word read as a verb written as that verb (lasted → persisted).
 */
export function withOneWordVerbs(question: string): string {
  return withClauseVerbs(withPhrasalVerbs(question));
}

function withPhrasalVerbs(question: string): string {
  const words = [...question.matchAll(WORD)];
  let out = '';
  let at = 0;
  for (let k = 0; k + 1 < words.length; k++) {
    const [verb, particle] = [words[k]!, words[k + 1]!];
    if (!/^\s+$/.test(question.slice(verb.index + verb[0].length, particle.index))) continue;
    const word = oneWord(verb[0].toLowerCase(), particle[0].toLowerCase());
    if (word === undefined) continue;
    out += question.slice(at, verb.index) + word;
    at = particle.index + particle[0].length;
    k++;
  }
  return out + question.slice(at);
}

function oneWord(verb: string, particle: string): string | undefined {
  for (const lemma of lemmaCandidates(verb)) {
    const word = ONE_WORD.get(`${lemma} ${particle}`);
    if (word !== undefined) return inShapeOf(word, verb, lemma);
  }
  return undefined;
}

/** The verb in the shape the phrasal verb was asked in: the shape is what marks a word as a verb (isVerbShape). */
function inShapeOf(word: string, asked: string, lemma: string): string {
  const stem = word.endsWith('e') ? word.slice(0, -1) : word;
  if (asked === lemma) return word;
  if (asked.endsWith('ing')) return `${stem}ing`;
  if (asked.endsWith('s')) return `${word}s`;
  return `${stem}ed`;
}
