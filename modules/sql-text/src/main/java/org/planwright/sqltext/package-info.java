/** Planwright sqltext. */
package org.planwright.sqltext;
