/**
 * Optimization advice. {@link org.planwright.advice.RecommendationKind} names what a recommendation changes;
 * {@link org.planwright.advice.Recommendation} is one piece of advice;
 * the advisors (indexes, rewrites, settings, statistics) and trials live in sub-packages.
 */
package org.planwright.advice;
