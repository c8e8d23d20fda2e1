/**
 * The live configuration of a PostgreSQL server: {@code pg_settings} (value, unit, context, source,
 * pending_restart, min/max, enum values), {@code pg_file_settings}, the server version, read into a
 * {@link org.planwright.tuning.settings.SettingsSnapshot}; values with units converted to base units
 * ({@link org.planwright.tuning.settings.SettingValue}); the server's hardware ({@link org.planwright.tuning.settings.Hardware}).
 */
package org.planwright.tuning.settings;
