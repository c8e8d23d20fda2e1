package org.planwright.sqltext;

import java.util.Locale;
import java.util.Set;

/**
 * PostgreSQL words for highlighting and completion. Key words follow the PostgreSQL manual, Appendix C "SQL Key
 * Words" (PostgreSQL 17, {@code src/include/parser/kwlist.h}): the reserved ones (including those that "can be
 * function or type") and the common non-reserved ones. Type and function names follow the manual's "Data Types"
 * and "Functions and Operators" chapters (common built-ins only, not an exhaustive catalogue). All lookups
 * ignore case. Immutable and thread-safe.
 */
public final class SqlKeywords {

    private static final Set<String> RESERVED = words("""
            all analyse analyze and any array as asc asymmetric both case cast check collate column constraint
            create current_catalog current_date current_role current_time current_timestamp current_user default
            deferrable desc distinct do else end except false fetch for foreign from grant group having in
            initially intersect into lateral leading limit localtime localtimestamp not null offset on only or
            order placing primary references returning select session_user some symmetric system_user table then
            to trailing true union unique user using variadic when where window with
            authorization binary collation concurrently cross current_schema freeze full ilike inner is isnull
            join left like natural notnull outer overlaps right similar tablesample verbose""");

    private static final Set<String> NON_RESERVED = words("""
            abort absolute access action add admin after aggregate also alter always assertion assignment at
            attach attribute backward before begin between bigint bit boolean breadth by cache call called cascade
            cascaded catalog chain char character characteristics checkpoint class close cluster coalesce columns
            comment comments commit committed compression configuration conflict connection constraints content
            continue conversion copy cost csv cube current cursor cycle data database day deallocate dec decimal
            declare defaults deferred definer delete delimiter delimiters depends depth detach dictionary disable
            discard document domain double drop each enable encoding encrypted enum escape event exclude excluding
            exclusive execute exists explain expression extension external extract family filter finalize first
            float following force forward function functions generated global granted greatest grouping groups
            handler header hold hour identity if immediate immutable implicit import include including increment
            index indexes inherit inherits inline inout input insensitive insert instead int integer interval
            invoker isolation json key keys label language large last leakproof least level listen load local
            location lock locked logged mapping match matched materialized maxvalue merge method minute minvalue
            mode month move name names national nchar new next nfc no none normalize nothing notify nowait nullif
            nulls numeric object of off oids old operator option options ordinality others out over overlay
            overriding owned owner parallel parser partial partition passing password plans policy position
            preceding precision prepare prepared preserve prior privileges procedural procedure procedures
            program publication quote range read real reassign recheck recursive ref referencing refresh reindex
            relative release rename repeatable replace replica reset restart restrict return returns revoke role
            rollback rollup routine routines row rows rule savepoint schema schemas scroll search second security
            sequence sequences serializable server session set setof sets share show simple skip smallint snapshot
            sql stable standalone start statement statistics stdin stdout storage stored strict strip subscription
            substring support sysid system tables tablespace temp template temporary text ties time timestamp
            transaction transform treat trigger trim truncate trusted type types uescape unbounded uncommitted
            unencrypted unknown unlisten unlogged until update vacuum valid validate validator value values
            varchar varying version view views volatile whitespace within without work wrapper write xml year
            yes zone""");

    private static final Set<String> TYPES = words("""
            bigint bigserial bit varbit boolean bool box bytea char character varchar cidr circle date double
            float float4 float8 inet int int2 int4 int8 integer interval json jsonb jsonpath line lseg macaddr
            macaddr8 money numeric decimal path pg_lsn pg_snapshot point polygon real smallint smallserial serial
            serial2 serial4 serial8 text time timetz timestamp timestamptz tsquery tsvector txid_snapshot uuid xml
            name oid regclass regproc regprocedure regoper regoperator regtype regnamespace regrole regconfig
            int4range int8range numrange tsrange tstzrange daterange int4multirange int8multirange nummultirange
            tsmultirange tstzmultirange datemultirange record void anyelement anyarray anynonarray anyenum
            anyrange cstring citext hstore""");

    private static final Set<String> FUNCTIONS = words("""
            count sum avg min max coalesce nullif greatest least now current_setting set_config date_trunc
            date_part date_bin extract to_char to_date to_timestamp to_number age length lower upper substring
            substr trim btrim ltrim rtrim replace concat concat_ws format position strpos split_part
            regexp_replace regexp_matches regexp_match regexp_split_to_table regexp_split_to_array string_agg
            array_agg json_agg jsonb_agg json_object_agg jsonb_object_agg json_build_object jsonb_build_object
            json_build_array jsonb_build_array jsonb_set jsonb_insert to_json to_jsonb row_to_json
            json_array_elements jsonb_array_elements json_each jsonb_each jsonb_object_keys jsonb_path_query
            jsonb_path_exists jsonb_pretty row_number rank dense_rank percent_rank cume_dist ntile lag lead
            first_value last_value nth_value generate_series generate_subscripts unnest array_length array_lower
            array_upper cardinality array_position array_positions array_remove array_replace array_append
            array_prepend array_cat array_to_string string_to_array abs ceil ceiling floor round trunc mod power
            sqrt cbrt exp ln log random setseed sign pi left right md5 sha256 encode decode lpad rpad repeat
            reverse initcap char_length octet_length bit_length quote_ident quote_literal quote_nullable nextval
            currval setval lastval bool_and bool_or every stddev stddev_samp stddev_pop variance var_samp var_pop
            percentile_cont percentile_disc mode corr covar_pop covar_samp regr_slope regr_intercept
            to_tsvector to_tsquery plainto_tsquery phraseto_tsquery websearch_to_tsquery ts_rank ts_rank_cd
            ts_headline clock_timestamp statement_timestamp transaction_timestamp timeofday make_date make_time
            make_timestamp make_timestamptz make_interval justify_days justify_hours justify_interval isfinite
            current_database version pg_typeof pg_sleep pg_size_pretty pg_relation_size
            pg_total_relation_size pg_table_size pg_indexes_size pg_database_size pg_column_size
            pg_cancel_backend pg_terminate_backend pg_backend_pid pg_blocking_pids pg_stat_statements_reset
            pg_stat_reset pg_get_viewdef pg_get_indexdef pg_get_functiondef pg_get_constraintdef
            pg_get_triggerdef pg_get_expr obj_description col_description format_type has_table_privilege
            has_schema_privilege has_database_privilege txid_current pg_current_xact_id pg_current_wal_lsn
            pg_wal_lsn_diff gen_random_uuid hashtext width_bucket overlay translate chr ascii starts_with
            num_nonnulls num_nulls grouping""");

    private SqlKeywords() {
    }

    /** @return true for a reserved or non-reserved PostgreSQL key word */
    public static boolean isKeyword(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        return RESERVED.contains(w) || NON_RESERVED.contains(w);
    }

    /**
     * @return true for a word PostgreSQL reserves (Appendix C: "reserved" or "reserved (can be function or
     *     type)"): it must be double-quoted to serve as a table or column name
     */
    public static boolean isReserved(String word) {
        return RESERVED.contains(word.toLowerCase(Locale.ROOT));
    }

    /** @return true for a common built-in type name or alias, e.g. {@code int4}, {@code timestamptz} */
    public static boolean isType(String word) {
        return TYPES.contains(word.toLowerCase(Locale.ROOT));
    }

    /** @return true for a common built-in function name, e.g. {@code count}, {@code date_trunc} */
    public static boolean isFunction(String word) {
        return FUNCTIONS.contains(word.toLowerCase(Locale.ROOT));
    }

    private static Set<String> words(String list) {
        return Set.of(list.strip().split("\\s+"));
    }
}
