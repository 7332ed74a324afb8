/** json / jsonb end to end (issue 6), with the results PostgreSQL documents (functions-json.html). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalEngine } from '../../cli/index.ts';
import type { QueryEngine } from '../../coordinator/index.ts';
import { query, queryError, queryText } from '../support/results.ts';

describe('json and jsonb (PostgreSQL results)', () => {
  let engine: QueryEngine;
  beforeAll(async () => { engine = await createLocalEngine(); });
  afterAll(() => engine?.close());

  const cases: [string, string, (string | null)[]][] = [
    ['-> by index and key', `select '[{"a":"foo"},{"b":"bar"},{"c":"baz"}]'::json -> 2, '{"a": {"b":"foo"}}'::json -> 'a', '[1,2,3]'::json -> -1, '{"a":1}'::json -> 'z'`,
      ['{"c":"baz"}', '{"b":"foo"}', '3', null]],
    ['->> gives text', `select '[1,2,3]'::json ->> 2, '{"a":1,"b":2}'::json ->> 'b', '{"a":"x\\ny"}'::jsonb ->> 'a', '{"a":null}'::jsonb ->> 'a'`,
      ['3', '2', 'x\ny', null]],
    ['#> and #>> follow paths', `select '{"a": {"b": ["foo","bar"]}}'::json #> '{a,b,1}', '{"a": {"b": ["foo","bar"]}}'::json #>> '{a,b,1}', '{"a": [1, 2]}'::jsonb #> '{a,-1}'`,
      ['"bar"', 'bar', '2']],
    ['json keeps its text, jsonb normalizes', `select '{"b":2,  "a":1}'::json, '{"b":2, "a":1, "b":3, "aa": 1e2}'::jsonb, '[1.50, -0, 2E-2]'::jsonb`,
      ['{"b":2,  "a":1}', '{"a": 1, "b": 3, "aa": 100}', '[1.50, 0, 0.02]']],
    ['containment', `select '{"a":1, "b":2}'::jsonb @> '{"b":2}'::jsonb, '{"b":2}'::jsonb <@ '{"a":1, "b":2}'::jsonb, '[1, 2, [1, 3]]'::jsonb @> '[1, 3]', '[1, 2, [1, 3]]'::jsonb @> '[[1, 3]]', '["foo", "bar"]'::jsonb @> '"foo"', '{"foo": {"bar": "baz"}}'::jsonb @> '{"bar": "baz"}'`,
      ['t', 't', 'f', 't', 't', 'f']],
    ['key existence', `select '{"a":1, "b":2}'::jsonb ? 'b', '["a", "b", "c"]'::jsonb ? 'b', '{"a":1, "b":2, "c":3}'::jsonb ?| array['b', 'd'], '["a", "b", "c"]'::jsonb ?& array['a', 'b'], '{"a":1}'::jsonb ? 'z'`,
      ['t', 't', 't', 't', 'f']],
    ['|| concatenation', `select '["a", "b"]'::jsonb || '["a", "d"]'::jsonb, '{"a": "b"}'::jsonb || '{"c": "d"}'::jsonb, '[1, 2]'::jsonb || '3'::jsonb, '{"a": "b"}'::jsonb || '42'::jsonb`,
      ['["a", "b", "a", "d"]', '{"a": "b", "c": "d"}', '[1, 2, 3]', '[{"a": "b"}, 42]']],
    ['- and #- removal', `select '{"a": "b", "c": "d"}'::jsonb - 'a', '["a", "b", "c", "b"]'::jsonb - 'b', '{"a": "b", "c": "d"}'::jsonb - '{a,c}'::text[], '["a", "b"]'::jsonb - 1, '["a", {"b":1}]'::jsonb #- '{1,b}'`,
      ['{"c": "d"}', '["a", "c"]', '{}', '["a"]', '["a", {}]']],
    ['extract_path, array_length, typeof', `select json_extract_path('{"f2":{"f3":1},"f4":{"f5":99,"f6":"foo"}}', 'f4', 'f6'), json_extract_path_text('{"f2":{"f3":1},"f4":{"f5":99,"f6":"foo"}}', 'f4', 'f6'), jsonb_extract_path_text('{"a":[1,2]}', 'a', '1'), json_array_length('[1,2,3,{"f1":1,"f2":[5,6]},4]'), jsonb_array_length('[]'), jsonb_typeof('-123.4'), json_typeof('null'::json)`,
      ['"foo"', 'foo', '2', '5', '0', 'number', 'null']],
    ['builders and to_json', `select json_build_object('foo', 1, 2, row(3,'bar')), json_build_array(1, 2, 'foo', 4, 5), jsonb_build_object('foo', 1, 'bar', 2), jsonb_build_array(1, null, 'x'), to_json('Fred said "Hi."'::text), to_jsonb(row(42, 'Fred said "Hi."'::text)), to_json(array[1,2]), to_jsonb(1.5)`,
      ['{"foo" : 1, "2" : {"f1":3,"f2":"bar"}}', '[1, 2, "foo", 4, 5]', '{"bar": 2, "foo": 1}', '[1, null, "x"]', '"Fred said \\"Hi.\\""', '{"f1": 42, "f2": "Fred said \\"Hi.\\""}', '[1,2]', '1.5']],
    ['jsonb_set and jsonb_insert', `select jsonb_set('[{"f1":1,"f2":null},2,null,3]', '{0,f1}', '[2,3,4]', false), jsonb_set('[{"f1":1,"f2":null},2]', '{0,f3}', '[2,3,4]'), jsonb_insert('{"a": [0,1,2]}', '{a, 1}', '"new_value"'), jsonb_insert('{"a": [0,1,2]}', '{a, 1}', '"new_value"', true)`,
      ['[{"f1": [2, 3, 4], "f2": null}, 2, null, 3]', '[{"f1": 1, "f2": null, "f3": [2, 3, 4]}, 2]', '{"a": [0, "new_value", 1, 2]}', '{"a": [0, 1, "new_value", 2]}']],
    ['strip_nulls and pretty', `select json_strip_nulls('[{"f1":1, "f2":null}, 2, null, 3]'), jsonb_pretty('[{"f1":1,"f2":null},2]')`,
      ['[{"f1":1},2,null,3]', '[\n    {\n        "f1": 1,\n        "f2": null\n    },\n    2\n]']],
    ['casts out of jsonb', `select '12'::jsonb::int + 1, '1.5'::jsonb::numeric, 'true'::jsonb::bool, '{"a":1}'::jsonb::text, '{"b":1,"a":2}'::json::jsonb, '{"a": 1}'::jsonb::json`,
      ['13', '1.5', 't', '{"a": 1}', '{"a": 2, "b": 1}', '{"a": 1}']],
  ];
  for (const [name, sql, expected] of cases) {
    it(name, async () => { expect((await queryText(engine, sql))[0]).toEqual(expected); });
  }

  it('works over columns, including WHERE and jsonb equality', async () => {
    const rows = await queryText(engine, `select j ->> 'name', (j -> 'tags') ->> 0, j #>> '{tags,1}'
      from (values ('{"name": "a", "tags": ["x", "y"]}'::jsonb), ('{"name": "b", "tags": []}'), (null)) t(j)
      where j @> '{"name": "a"}' or j is null order by 1`);
    expect(rows).toEqual([['a', 'x', 'y'], [null, null, null]]);
    const eq = await queryText(engine, `select '{"a":1, "b":2}'::jsonb = '{"b":2,"a":1}'::jsonb`);
    expect(eq).toEqual([['t']]);
  });

  it('aggregates: json_agg, jsonb_agg with ORDER BY, json_object_agg, jsonb_object_agg; NULL for no rows', async () => {
    const rows = await queryText(engine, `select json_agg(x), jsonb_agg(x order by x desc), json_object_agg(k, x), jsonb_object_agg(k, x)
      from (values ('a', 1), ('b', null), ('c', 3)) t(k, x)`);
    expect(rows).toEqual([['[1, null, 3]', '[null, 3, 1]', '{ "a" : 1, "b" : null, "c" : 3 }', '{"a": 1, "b": null, "c": 3}']]);
    const grouped = await queryText(engine, `select g, jsonb_agg(j -> 'a' order by s) from (values (1, 2, '{"a": [1, 2]}'::jsonb), (1, 1, '{"a": {"b": 1}}'), (2, 1, '{}')) t(g, s, j) group by g order by g`);
    expect(grouped).toEqual([['1', '[{"b": 1}, [1, 2]]'], ['2', '[null]']]);
    expect(await queryText(engine, 'select json_agg(x) from (values (1)) t(x) where x > 5')).toEqual([[null]]);
    const e = await queryError(engine, `select json_object_agg(k, 1) from (values (null::text)) t(k)`);
    expect(e.sqlState).toBe('22004');
  });

  it('set-returning functions in FROM', async () => {
    expect(await queryText(engine, `select * from json_each('{"a":"foo", "b":"bar"}')`)).toEqual([['a', '"foo"'], ['b', '"bar"']]);
    expect(await queryText(engine, `select * from jsonb_each_text('{"b":"bar", "a":"foo"}')`)).toEqual([['a', 'foo'], ['b', 'bar']]);
    expect(await queryText(engine, `select value from json_array_elements('[1,true, [2,false]]')`)).toEqual([['1'], ['true'], ['[2,false]']]);
    expect(await queryText(engine, `select * from jsonb_array_elements_text('["foo", "bar"]')`)).toEqual([['foo'], ['bar']]);
    expect(await queryText(engine, `select * from json_object_keys('{"f1":"abc","f2":{"f3":"a", "f4":"b"}}')`)).toEqual([['f1'], ['f2']]);
    expect(await queryText(engine, `select k.key, k.value ->> 'x' from jsonb_each('{"p": {"x": 1}, "q": {"x": 2}}') k order by 1`)).toEqual([['p', '1'], ['q', '2']]);
    const e = await queryError(engine, `select * from jsonb_array_elements('{"a":1}')`);
    expect([e.sqlState, e.message]).toEqual(['22023', 'cannot extract elements from an object']);
  });

  it('jsonb columns of Delta and temporary tables keep their type', async () => {
    for (const kind of ['table', 'temporary table']) {
      const name = kind === 'table' ? 'json_delta' : 'json_temp';
      await query(engine, `create ${kind} ${name} (id int, j jsonb, t json)`);
      await query(engine, `insert into ${name} values (1, '{"b":1, "a":[1,2]}', '{"b":1,  "a":2}'), (2, null, null)`);
      expect(await queryText(engine, `select j, j -> 'a' ->> 1, t, t ->> 'a' from ${name} order by id`))
        .toEqual([['{"a": [1, 2], "b": 1}', '2', '{"b":1,  "a":2}', '2'], [null, null, null, null]]);
      await query(engine, `drop table ${name}`);
    }
  });

  it('reports the result type as json/jsonb', async () => {
    const r = await query(engine, `select '{}'::jsonb as a, '[]'::json as b, '{}'::jsonb ->> 'x' as c`);
    expect(r.fields.map((f) => f.type)).toEqual([{ kind: 'text', json: 'jsonb' }, { kind: 'text', json: 'json' }, { kind: 'text' }]);
  });

  const errors: [string, string, RegExp][] = [
    [`select '{"a":1'::jsonb`, '22P02', /invalid input syntax for type json/],
    [`select '[1,]'::json`, '22P02', /invalid input syntax for type json/],
    [`select t::jsonb from (values ('nope')) v(t)`, '22P02', /invalid input syntax for type json/],
    [`select '"x"'::jsonb::int`, '22023', /cannot cast jsonb string to type integer/],
    [`select '{"a":1}'::jsonb::bool`, '22023', /cannot cast jsonb object to type boolean/],
    [`select json_array_length('{"a":1}')`, '22023', /cannot get array length of a non-array/],
    [`select jsonb_array_length('5')`, '22023', /cannot get array length of a scalar/],
    [`select '{"a":1}'::jsonb - 0`, '22023', /cannot delete from object using integer index/],
    [`select json_build_object('a')`, '22023', /even number of elements/],
    [`select 1::jsonb`, '42846', /cannot cast type integer to jsonb/],
    [`select '{"a":1}'::json @> '{}'::json`, '42883', /operator does not exist: json @> json/],
  ];
  for (const [sql, code, message] of errors) {
    it(`fails with ${code}: ${sql}`, async () => {
      const e = await queryError(engine, sql);
      expect(e.sqlState).toBe(code);
      expect(e.message).toMatch(message);
    });
  }
});
