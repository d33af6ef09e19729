-- What a PostGraphile deployment adds to the schema for the benchmark's shapes: the filtered list as
-- a set-returning function (PostGraphile's way to a custom filter) and the write as a volatile
-- function recording a subsidy and its audit entry in one transaction (the entry inserted unlinked, as
-- fupin's writer does; the server's process links it with fupin's linker, servers/bench-audit-linking.ts).

create function households_in_township(township text, status text, industry text)
returns setof household language sql stable as $$
  select h.* from household h
   where h.village_code like township || '%'
     and h.poverty_status = status
     and exists (select 1 from household_industry hi where hi.household_id = h.id and hi.industry_id = industry)
   order by h.id
$$;

create function bench_record_subsidy(p_household_id text, p_kind text, p_amount_fen bigint, p_date date, p_purpose text)
returns subsidy language plpgsql volatile as $$
declare
  h household;
  s subsidy;
begin
  -- for share, as fupin's writer: the subsidy reads the household, which must stay put until the commit
  select * into h from household where id = p_household_id for share;
  if not found then
    raise exception 'no household %', p_household_id using errcode = 'no_data_found';
  end if;
  insert into subsidy (id, county_code, region_code, household_id, date, kind, amount_fen, purpose)
  values (gen_random_uuid()::text, h.county_code, h.region_code, h.id, p_date, p_kind, p_amount_fen, p_purpose)
  returning * into s;
  -- unlinked, as fupin's writer inserts it: the server's linker chains it once the write is answered
  insert into audit_log (at, principal_id, action, entity_type, entity_id, county_code, request_id, before, after)
  values (now(), 'postgraphile', 'create', 'subsidy', s.id, s.county_code, gen_random_uuid()::text,
          null, to_jsonb(s));
  return s;
end
$$;
