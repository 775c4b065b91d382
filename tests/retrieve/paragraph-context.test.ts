/**
 * A question is written about one paragraph, and its words spread over the passages that paragraph
 * was cut into (src/retrieve/paragraph-features.ts). Here the settlers are named in the first half of
 * a long paragraph and the church they built in the second; the paragraph before it tells of a church
 * the townspeople built, in the same words. Both church passages have the settlers' passage as a ±1
 * neighbour (same context coverage): only the paragraph evidence, which stops at the line break, tells
 * them apart. (What the ranker makes of it is fitted: `npm run fit`.)
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/log.js';
import type { Collection } from '../../src/collection.js';
import { openCollection } from '../../src/open-collection.js';
import type { Answer } from '../../src/types.js';
import { tempDir } from '../helpers/temp.js';

const SETTLERS =
  'وصل المستوطنون الهوغونوت إلى قرية ماناكين على ضفة النهر بعد رحلة طويلة من إنجلترا. ' +
  'وكانت السلطات الاستعمارية قد وعدتهم بأراض واسعة في مقاطعة نورفولك لكنها عرضت عليهم بدلا من ذلك أرضا أعلى النهر. ' +
  'وعاشت العائلات الأولى في أكواخ خشبية وزرعت القمح والذرة في الحقول المحيطة بالقرية طوال السنوات الأولى. ' +
  'وتزاوج كثير منهم مع جيرانهم الإنجليز وانتقل بعضهم إلى مناطق أخرى من المستعمرة. ' +
  'واحتفظت أسر كثيرة بأسمائها الفرنسية وبعاداتها في الطعام واللباس والغناء جيلا بعد جيل رغم بعدها عن أوطانها القديمة. ' +
  'وكتب الرحالة الذين مروا بالمنطقة أن أهلها كانوا يتحدثون لغتين ويتاجرون مع القرى المجاورة في الجلود والتبغ. ' +
  'وبنى المستوطنون هناك كنيسة حجرية صغيرة عام 1701 وصارت مركز حياتهم الدينية. ' +
  'وما زالت أطلالها قائمة حتى اليوم ويزورها أحفادهم كل عام في موسم الحصاد.';
const TOWN =
  'وفي وسط المدينة بنى السكان كنيسة حجرية كبيرة عام 1750 في الساحة القديمة قرب السوق. ' +
  'وما زالت قائمة حتى اليوم ويقصدها الزوار من القرى المجاورة في أيام الأعياد.';
const INTRO = 'تقع المدينة على الضفة الشرقية للنهر وتحيط بها الغابات والتلال من كل جانب، ويعمل أكثر أهلها في الزراعة والصيد.';

let collection: Collection;

beforeAll(async () => {
  const docs = tempDir('isnad-docs-');
  fs.writeFileSync(path.join(docs, 'history.txt'), `${INTRO}\n${TOWN}\n${SETTLERS}\n`);
  const config = loadConfig({ DOCS_DIR: docs, INDEX_DIR: path.join(tempDir(), 'index'), MODEL_ID: 'none' });
  collection = await openCollection(config, { log: silentLogger });
}, 30_000);

const shown = (answer: Answer) => (answer.answered ? answer.results : answer.closest);

describe('a passage read with its paragraph', () => {
  it('the paragraph ends at the line break: the town church, next to the settlers\' passage, does not borrow them', async () => {
    const results = shown(await collection.ask('متى بنى الهوغونوت الكنيسة الحجرية؟', { top: 3 }));
    for (const p of results) expect(p.text.length).toBeLessThanOrEqual(600);
    const settlers = results.find((p) => p.text.includes('1701'))!;
    const town = results.find((p) => p.text.includes('1750'))!;
    // The settlers' church passage gains the paragraph's words; the town's paragraph is itself alone.
    expect(town.scores!.coverage).toBe(settlers.scores!.coverage);
    expect(town.scores!.contextCoverage).toBe(settlers.scores!.contextCoverage);
    expect(settlers.scores!.paragraphCoverage).toBeGreaterThan(settlers.scores!.coverage!);
    expect(town.scores!.paragraphCoverage).toBe(town.scores!.coverage);
  });
});
