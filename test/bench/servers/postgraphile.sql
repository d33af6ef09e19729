-- What a PostGraphile deployment adds to the schema for the benchmark's shapes: the filtered list as
-- a set-returning function (PostGraphile's way to a custom filter) and the write as a volatile
-- function recording a subsidy and its audit entry in one transaction (the audit chain extended under
-- the same advisory lock as fupin's writer, with sha256 in PostgreSQL).

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
  prev text;
  body text;
begin
  -- for share, as fupin's writer: the subsidy reads the household, which must stay put until the commit
  select * into h from household where id = p_household_id for share;
  if not found then
    raise exception 'no household %', p_household_id using errcode = 'no_data_found';
  end if;
  insert into subsidy (id, county_code, region_code, household_id, date, kind, amount_fen, purpose)
  values (gen_random_uuid()::text, h.county_code, h.region_code, h.id, p_date, p_kind, p_amount_fen, p_purpose)
  returning * into s;
  perform pg_advisory_xact_lock(7383364011045954916);
  select a.hash into prev from audit_log a order by a.seq desc limit 1;
  prev := coalesce(prev, repeat('0', 64));
  body := jsonb_build_object('at', now(), 'principalId', 'postgraphile', 'action', 'create',
    'entityType', 'subsidy', 'entityId', s.id, 'countyCode', s.county_code, 'before', null,
    'after', to_jsonb(s))::text;
  insert into audit_log (at, principal_id, action, entity_type, entity_id, county_code, request_id,
                         before, after, prev_hash, hash)
  values (now(), 'postgraphile', 'create', 'subsidy', s.id, s.county_code, gen_random_uuid()::text,
          null, to_jsonb(s), prev, encode(sha256(convert_to(prev || body, 'UTF8')), 'hex'));
  return s;
end
$$;
