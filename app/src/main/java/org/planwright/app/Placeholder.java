package org.planwright.app; /** placeholder until the app lands. */ final class Placeholder { private Placeholder() { } }
