/**
 * Validate, apply, measure, revert: {@link org.planwright.tuning.apply.SettingValidator} checks proposed values
 * (type, range, enum, unit, platform caps, memory budget); {@link org.planwright.tuning.apply.ConfigApplier}
 * applies them with ALTER SYSTEM + pg_reload_conf() only after confirmation, never restart-only parameters, and
 * reverts them; {@link org.planwright.tuning.apply.ValidationRun} measures a baseline and an after window with a
 * {@link org.planwright.tuning.apply.WorkloadProbe} (pgbench or pg_stat_statements deltas) and reverts a change
 * that degrades p95 latency or throughput beyond a threshold, writing every step to a
 * {@link org.planwright.tuning.apply.ChangeJournal}.
 */
package org.planwright.tuning.apply;
