package org.planwright.store; /** placeholder until the store lands. */ final class Placeholder { private Placeholder() { } }
