/** Background sync of the active workspace with the team server: its settings, dialog and status-bar state. */
package org.planwright.app.sync;
