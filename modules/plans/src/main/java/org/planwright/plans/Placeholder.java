package org.planwright.plans; /** placeholder until the model lands. */ final class Placeholder { private Placeholder() { } }
