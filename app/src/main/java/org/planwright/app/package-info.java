/** Planwright app. */
package org.planwright.app;
