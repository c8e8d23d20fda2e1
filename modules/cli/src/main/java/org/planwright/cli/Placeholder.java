package org.planwright.cli; /** placeholder until the CLI lands. */ final class Placeholder { private Placeholder() { } }
