/**
 * The CLI's own output records and their renderers (text, JSON, Markdown). These records are the stable JSON
 * contract documented in {@code docs/cli-json-output.md}: they never expose the services' internal types, so
 * the JSON does not change when the plan model or the target-db module does.
 */
package org.planwright.cli.report;
