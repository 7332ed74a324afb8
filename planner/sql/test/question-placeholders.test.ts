import { describe, expect, it } from 'vitest';
import { numberQuestionPlaceholders } from '../question-placeholders.ts';

describe('? parameter markers in PREPARE (question-placeholders.ts)', () => {
  it('numbers the markers that stand for values, in order', () => {
    expect(numberQuestionPlaceholders("PREPARE p AS SELECT id FROM t WHERE s ILIKE '%' || ? || '%' AND a IN (?, ?) LIMIT ?"))
      .toBe("PREPARE p AS SELECT id FROM t WHERE s ILIKE '%' || $1 || '%' AND a IN ($2, $3) LIMIT $4");
  });
  it("leaves jsonb's ? / ?| / ?& operators, quoted text and other statements alone", () => {
    expect(numberQuestionPlaceholders("prepare q as select data ? 'k', data ?| array['a'], '?', \"?\" from t where x = ?"))
      .toBe("prepare q as select data ? 'k', data ?| array['a'], '?', \"?\" from t where x = $1");
    expect(numberQuestionPlaceholders('SELECT ? FROM t')).toBe('SELECT ? FROM t');
  });
});
