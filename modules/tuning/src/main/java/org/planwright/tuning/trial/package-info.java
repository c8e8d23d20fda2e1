/**
 * Settings trials: session-settable configuration changes tried on the workload's own statements inside
 * rolled-back read-only transactions ({@code SET LOCAL}), before any of them is proposed for the server.
 */
package org.planwright.tuning.trial;
