import { describe, expect, it } from 'vitest';
import { isIsnadError } from '../../src/errors.js';
import { cleanQuestion, readQuestion, stripQuestionNoise } from '../../src/retrieve/question.js';

const flat = (text: string) => stripQuestionNoise(text).replace(/\s+/g, ' ').trim();

describe('stripQuestionNoise', () => {
  it('removes links, keeping the label of a masked link', () => {
    expect(flat('من يرأس الوفد؟ https://www.aljazeera.net/news/2017/5/3/astana?x=1&y=2')).toBe('من يرأس الوفد؟');
    expect(flat('شو بيقول <https://x.com/a> و www.bbc.com/arabic')).toBe('شو بيقول و');
    expect(flat('شو بيقول [المقال](https://x.com/a) عن أستانا')).toBe('شو بيقول المقال عن أستانا');
  });

  it('removes user, role, channel and command mentions, @everyone and timestamps', () => {
    expect(flat('<@123456789012345678> <@!42> <@&77> <#99> </ask:1234> @everyone من يرأس الوفد <t:1700000000:R>')).toBe('من يرأس الوفد');
  });

  it('removes a mention typed as text, but not an e-mail address', () => {
    expect(flat('@Isnad الفصائل رح ترجع عالطاولة؟ @بوت_الأسانيد')).toBe('الفصائل رح ترجع عالطاولة؟');
    expect(flat('راسلوا info@un.org عن أستانا')).toBe('راسلوا info@un.org عن أستانا');
  });

  it('removes custom, shortcode and unicode emoji', () => {
    expect(flat('<:thinking:123456> <a:party:987> :flag_sy: من يرأس الوفد؟ 🤔🇸🇾👍🏽❤️')).toBe('من يرأس الوفد؟');
  });

  it('removes markdown and code formatting but keeps the words inside it', () => {
    expect(flat('> **من** يرأس __وفد__ ~~النظام~~ ||السوري||؟ `بشار`')).toBe('من يرأس وفد النظام السوري؟ بشار');
    expect(flat('# من يرأس الوفد\n-# سؤال')).toBe('من يرأس الوفد سؤال');
    expect(flat('```js\nconsole.log(1)\n```\nمن يرأس الوفد')).toBe('من يرأس الوفد');
    expect(flat('```\nمن يرأس الوفد\n```')).toBe('من يرأس الوفد');
  });

  it('leaves an ordinary question and its hashtags untouched', () => {
    expect(flat('ما هي #مناطق_خفض_التصعيد في إدلب؟')).toBe('ما هي #مناطق_خفض_التصعيد في إدلب؟');
    expect(flat('Who met at 10:30 in Astana?')).toBe('Who met at 10:30 in Astana?');
  });
});

describe('cleanQuestion', () => {
  it('refuses a question that is only a link or a mention, saying what to do', () => {
    for (const q of ['https://x.com/status/1', '<@123456789012345678>', '<:a:1> 🤔']) {
      try {
        cleanQuestion(q);
        expect.unreachable(q);
      } catch (error) {
        expect(isIsnadError(error, 'QUESTION_INVALID')).toBe(true);
        expect((error as Error).message).toMatch(/links, mentions/);
      }
    }
  });

  it('echoes the question as asked and searches it without the pasted noise', () => {
    expect(readQuestion('<@1> من يرأس   الوفد؟ https://t.co/x')).toEqual({ echo: '<@1> من يرأس الوفد؟ https://t.co/x', search: 'من يرأس الوفد؟' });
    expect(cleanQuestion('<@1> من يرأس   الوفد؟')).toBe('<@1> من يرأس الوفد؟');
  });
});
