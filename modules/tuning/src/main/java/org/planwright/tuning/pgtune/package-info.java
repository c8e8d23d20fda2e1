/**
 * PGTune (https://github.com/le0pard/pgtune, {@code src/features/configuration/configurationSlice.js}) for
 * PostgreSQL reproduced rule by rule: {@link org.planwright.tuning.pgtune.PgTune#calculate} gives every parameter
 * PGTune emits, in its order, with its value text and warnings; {@link org.planwright.tuning.pgtune.PgTuneOutput}
 * writes PGTune's two outputs (postgresql.conf lines, ALTER SYSTEM statements).
 */
package org.planwright.tuning.pgtune;
