-- The pgbench transaction of ConfigApplyCommandTest (and the tuning module's ApplyMeasureRevertTest): NOT IN over a 6,000-row subquery. When the subquery's rows
-- fit in work_mem x hash_mem_multiplier, PostgreSQL hashes them once ("hashed SubPlan", ~10 ms); when they do not
-- (work_mem 64kB), it rescans them for each of the 400 outer rows ("SubPlan" over a Materialize, ~0.5 s): the
-- plan change a too-small work_mem causes, large enough to stand out of a shared machine's noise.
SELECT count(*) FROM not_in_outer WHERE id NOT IN (SELECT id FROM not_in_inner);
