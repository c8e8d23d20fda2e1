/** Planwright sandbox. */
package org.planwright.sandbox;
