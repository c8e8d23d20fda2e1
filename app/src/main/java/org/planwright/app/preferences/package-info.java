/** The preferences dialog and the stored insight thresholds it edits. */
package org.planwright.app.preferences;
