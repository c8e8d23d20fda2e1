/**
 * Workload-aware configuration advice: the evidence read from a server's statistics views
 * ({@link org.planwright.tuning.advice.WorkloadEvidence}), the PostgreSQL rules that turn it into
 * recommendations starting from PGTune's baseline ({@link org.planwright.tuning.advice.PostgresConfigAdvisor}),
 * postgresqltuner's memory budget ({@link org.planwright.tuning.advice.MemoryBudget}), and the MySQL
 * ({@link org.planwright.tuning.advice.MySqlConfigAdvisor}) and SQL Server
 * ({@link org.planwright.tuning.advice.SqlServerConfigAdvisor}) rule sets.
 */
package org.planwright.tuning.advice;
