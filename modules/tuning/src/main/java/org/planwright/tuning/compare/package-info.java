/**
 * Comparing configurations: two {@link org.planwright.tuning.compare.ConfigSide}s (a live snapshot, a stored
 * snapshot, another server, PGTune's profile, the advisor's recommendation) compared parameter by parameter with
 * values normalised (4GB = 4096MB), grouped by {@link org.planwright.tuning.compare.ParameterGroup}, and exported
 * as postgresql.conf lines or ALTER SYSTEM statements ({@link org.planwright.tuning.compare.ConfigExport}).
 */
package org.planwright.tuning.compare;
